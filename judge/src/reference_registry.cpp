#include "reference_registry.h"

#include <map>

namespace judge {
namespace {

std::map<std::string, BoundFunction>& registry() {
  static std::map<std::string, BoundFunction> functions;  // built before main, read after
  return functions;
}

}  // namespace

bool register_reference(const std::string& name, BoundFunction function) {
  registry()[name] = std::move(function);
  return true;
}

const BoundFunction* find_reference(const std::string& name) {
  const auto it = registry().find(name);
  return it == registry().end() ? nullptr : &it->second;
}

}  // namespace judge
