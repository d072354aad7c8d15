#include "stub.h"

#include <fmt/format.h>

namespace judge {

std::string stub_source(const Problem& p) {
  std::string s = fmt::format(
      "// {}: {}\n// Statement: judge show {}   (中文: judge show {} --lang zh)\n"
      "// Check:     judge check {}\n#include \"exercise.h\"\n",
      p.id, p.title.en, p.id, p.id, p.id);
  for (const auto& sig : p.signatures) {
    s += "\n" + sig.text + " {\n  // TODO: your code here.\n";
    for (const auto& param : sig.params) s += "  (void)" + param.name + ";\n";
    s += "  throw not_implemented_error(\"" + sig.name + "\");\n}\n";
  }
  return s;
}

}  // namespace judge
