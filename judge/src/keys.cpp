#include "keys.h"

#include "hashing.h"

namespace judge {

// Each key starts with its kind, so keys of different kinds never collide.

std::string toolchain_key(const ToolchainInputs& in) {
  Hasher h;
  h.add("toolchain").add(in.compiler);
  h.add(std::to_string(in.flags.size()));
  for (const auto& f : in.flags) h.add(f);
  h.add(std::to_string(in.harness_files.size()));
  for (const auto& [name, content] : in.harness_files) h.add(name).add(content);
  h.add(std::to_string(in.generated.size()));
  for (const auto& [name, content] : in.generated) h.add(name).add(content);
  return h.hex();
}

std::string program_key(const ProgramInputs& in) {
  return Hasher()
      .add("program")
      .add(in.toolchain)
      .add(in.adapter_source)
      .add(in.sources)
      .add(in.sandboxed ? "bwrap" : "jail")
      .hex();
}

std::string reference_key(const ReferenceInputs& in) {
  Hasher h;
  h.add("reference").add(in.toolchain).add(in.adapter_source);
  h.add(std::to_string(in.sources.size()));
  for (const auto& [name, content] : in.sources) h.add(name).add(content);
  return h.hex();
}

std::string expected_key(const ExpectedInputs& in) {
  return Hasher()
      .add("expected")
      .add(in.reference)
      .add(in.problem_text)
      .add(in.records_text)
      .add(in.selection)
      .hex();
}

std::string result_key(const ResultInputs& in) {
  return Hasher()
      .add("result")
      .add(in.program)
      .add(in.expected)
      .add(in.judge)
      .add(in.options)
      .hex();
}

}  // namespace judge
