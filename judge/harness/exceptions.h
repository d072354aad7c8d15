// Names what a call threw, the same way on both sides of the channel.
#pragma once

#include "exercise.h"
#include "wire.h"

#include <cxxabi.h>

#include <cstdlib>
#include <exception>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <typeinfo>

namespace judge {

struct CaughtException {
  wire::CallStatus status;
  std::string type;
  std::string what;
};

inline std::string demangle(const char* mangled) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(
      abi::__cxa_demangle(mangled, nullptr, nullptr, &status), std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(mangled);
}

// Call only inside a catch block.
inline CaughtException classify_current_exception() {
  try {
    throw;
  } catch (const not_implemented_error& e) {
    return {wire::CallStatus::kNotImplemented, "not_implemented_error", e.what()};
  } catch (const std::invalid_argument& e) {
    return {wire::CallStatus::kInvalidArgument, demangle(typeid(e).name()), e.what()};
  } catch (const std::bad_alloc& e) {
    return {wire::CallStatus::kOutOfMemory, demangle(typeid(e).name()), e.what()};
  } catch (const std::exception& e) {
    return {wire::CallStatus::kOtherException, demangle(typeid(e).name()), e.what()};
  } catch (...) {
    const std::type_info* type = abi::__cxa_current_exception_type();
    return {wire::CallStatus::kOtherException, type != nullptr ? demangle(type->name()) : "unknown",
            "(not a std::exception)"};
  }
}

}  // namespace judge
