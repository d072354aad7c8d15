// Turns a C++ function into a BoundFunction that takes and returns Values.
// One template serves every signature, so a new problem needs no judge code:
// every program the judge builds (learner, baseline, reference) binds with it.
#pragma once

#include "codec.h"
#include "outcome.h"
#include "value.h"

#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace judge {

struct BoundFunction {
  std::string name;
  int arity = 0;
  // Decodes the arguments, calls, encodes. If the function throws, `error`
  // holds the exception and the result still carries the in-out parameters
  // as the function left them ("a failed call leaves the cache untouched").
  std::function<CallResult(const std::vector<Value>&, std::exception_ptr& error)> call;
};

namespace detail {

template <class P>
constexpr bool kIsInOut =
    std::is_lvalue_reference_v<P> && !std::is_const_v<std::remove_reference_t<P>>;

// One instantiation per signature, not per function: the known mistakes of
// a problem share a program and all bind through the same code, with the
// function passed at run time.
template <class R, class... P>
struct Binder {
  using Function = R (*)(P...);
  static constexpr int kArity = sizeof...(P);
  static CallResult call(Function f, const std::vector<Value>& args, std::exception_ptr& error) {
    return call_with(f, args, error, std::index_sequence_for<P...>{});
  }

 private:
  template <std::size_t... I>
  static CallResult call_with(Function f, const std::vector<Value>& args, std::exception_ptr& error,
                              std::index_sequence<I...>) {
    std::tuple<std::decay_t<P>...> stored{Codec<std::decay_t<P>>::decode(args.at(I))...};
    CallResult out;
    // The clock stops when the function returns, before the result is encoded.
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    try {
      if constexpr (std::is_void_v<R>) {
        f(std::get<I>(stored)...);
        out.seconds = elapsed();
      } else {
        R result = f(std::get<I>(stored)...);
        out.seconds = elapsed();
        out.has_result = true;
        out.result = Codec<std::decay_t<R>>::encode(result);
      }
    } catch (...) {
      if (out.seconds == 0) out.seconds = elapsed();
      error = std::current_exception();
    }
    (record_in_out<I, P>(stored, out), ...);
    return out;
  }
  template <std::size_t I, class Param, class Tuple>
  static void record_in_out(const Tuple& stored, CallResult& out) {
    if constexpr (kIsInOut<Param>)
      out.mutated.emplace_back(static_cast<int>(I),
                               Codec<std::decay_t<Param>>::encode(std::get<I>(stored)));
  }
};

}  // namespace detail

// Which set of bound functions a program serves: the known mistakes of a
// problem share one program, told apart by the number on its command line
// (the judge's known_unity.h). 0 in every other program.
extern int program_variant;

template <class R, class... P>
BoundFunction bind_pointer(const char* name, R (*f)(P...)) {
  return BoundFunction{name, detail::Binder<R, P...>::kArity,
                       [f](const std::vector<Value>& args, std::exception_ptr& error) {
                         return detail::Binder<R, P...>::call(f, args, error);
                       }};
}

template <auto F>
BoundFunction bind_function(const char* name) {
  return bind_pointer(name, F);
}

}  // namespace judge
