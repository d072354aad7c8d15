// Every cache key the judge uses, built here and nowhere else. A key names
// everything its entry depends on; whatever is left out of a key is a stale
// result waiting to be replayed, so each input is listed in one struct.
//
//   toolchain  <- compiler, flags, every harness file, the generated headers
//   program    <- toolchain, adapter, the learner's sources, sandbox mode
//   reference  <- toolchain, reference adapter, the reference's sources
//   expected   <- reference program, the problem file, the case selection
//   result     <- program, expected, judge build, every limit and option
#pragma once

#include <map>
#include <string>
#include <vector>

namespace judge {

struct ToolchainInputs {
  std::string compiler;             // the real path of the compiler
  std::vector<std::string> flags;   // every flag a compile gets
  std::map<std::string, std::string> harness_files;  // name -> content, every file
  std::map<std::string, std::string> generated;      // exercise.h, records.h, pch.h, ...
};
std::string toolchain_key(const ToolchainInputs& inputs);

struct ProgramInputs {
  std::string toolchain;
  std::string adapter_source;
  std::string sources;  // LearnerSources::fingerprint()
  bool sandboxed = true;  // what the compiler could see differs (an #include of a solution)
};
std::string program_key(const ProgramInputs& inputs);

struct ReferenceInputs {
  std::string toolchain;
  std::string adapter_source;
  std::map<std::string, std::string> sources;  // the reference and the bank's shared headers
};
std::string reference_key(const ReferenceInputs& inputs);

struct ExpectedInputs {
  std::string reference;     // reference_key
  std::string problem_text;  // the problem file: its cases and groups
  std::string records_text;  // problems/records.yaml: how its values are read
  std::string selection;     // one case's name, or empty for all
};
std::string expected_key(const ExpectedInputs& inputs);

struct ResultInputs {
  std::string program;   // program_key
  std::string expected;  // expected_key
  std::string judge;     // the judge's own build (comparison, verdicts)
  std::string options;   // every option and limit that can change a verdict, spelled out
};
std::string result_key(const ResultInputs& inputs);

}  // namespace judge
