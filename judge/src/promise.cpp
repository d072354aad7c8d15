#include "promise.h"

#include <fmt/format.h>

#include <set>

namespace judge {
namespace {

// The first line of `text`, cut to a length that fits one report line.
std::string first_line(const std::string& text, std::size_t limit = 200) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > limit) line = line.substr(0, limit) + "...";
  return line;
}

// The compiler's first error, else its first line.
std::string first_error(const std::string& diagnostics) {
  for (std::size_t at = 0; at < diagnostics.size();) {
    const std::size_t end = diagnostics.find('\n', at);
    const std::string line = diagnostics.substr(at, end - at);
    if (line.find("error") != std::string::npos) return first_line(line);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return first_line(diagnostics);
}

std::string describe_test(const TestResult& t) {
  const std::string message = first_line(t.message);
  return t.full_name() + ": " + verdict_name(t.verdict) + (message.empty() ? "" : ": " + message);
}

const TestResult* first_failure(const CheckResult& r) {
  for (const TestResult& t : r.tests)
    if (!t.passed()) return &t;
  return nullptr;
}

// As the JSON report says it: an error before any test, every test
// passed, or some failed.
enum class Status { kError, kPass, kFail };
Status status_of(const CheckResult& r) {
  if (!r.judge_error.empty() || !r.refused.empty() || !r.compiled) return Status::kError;
  return r.all_passed() ? Status::kPass : Status::kFail;
}

std::string group_list(const std::set<std::string>& groups) {
  std::string out;
  for (const std::string& g : groups) out += (out.empty() ? "" : ", ") + g;
  return out;
}

}  // namespace

std::string describe_outcome(const CheckResult& r) {
  if (!r.judge_error.empty()) return "the judge failed: " + first_line(r.judge_error);
  if (!r.refused.empty()) return "the file was refused: " + first_line(r.refused);
  if (!r.compiled) return "it did not compile: " + first_error(r.compile_output);
  if (r.tests.empty()) return "no test ran";
  if (const TestResult* t = first_failure(r)) return "it first fails in " + describe_test(*t);
  return fmt::format("every test passed ({})", r.tests.size());
}

std::vector<std::string> broken_promises(const CheckResult& r,
                                         const std::vector<Expectation>& expect) {
  std::vector<std::string> broken;
  if (expect.empty()) {
    broken.push_back(
        "no expect line: add '// expect: VERDICT GROUP' (or '// expect: accepted') to its "
        "header comment, saying what the judge must say of it");
    return broken;
  }
  const Status status = status_of(r);
  std::set<std::string> named{"sample"};
  for (const Expectation& e : expect) named.insert(e.group);
  if (!named.count("") && !named.count("*"))
    if (const TestResult* t = first_failure(r); t != nullptr && !named.count(t->group))
      broken.push_back(fmt::format(
          "first fails in {}, a group no expect line names (they name {}): the note a learner "
          "reads would not explain this mistake; name that group, or make the file fail where it "
          "promises",
          describe_test(*t), group_list(named)));
  for (const auto& [verdict, group] : expect) {
    if (verdict == "accepted") {
      if (status != Status::kPass)
        broken.push_back("promised accepted, but " + describe_outcome(r));
    } else if (verdict == "compile_error") {
      if (r.compiled || !r.judge_error.empty() || !r.refused.empty())
        broken.push_back("promised compile_error, but " +
                         (r.compiled && r.judge_error.empty() && r.refused.empty()
                              ? std::string("it compiled; ") + describe_outcome(r)
                              : describe_outcome(r)));
    } else if (group == "*") {
      int others = 0;
      const TestResult* first_other = nullptr;
      for (const TestResult& t : r.tests)
        if (verdict_name(t.verdict) != verdict && ++others == 1) first_other = &t;
      if (status == Status::kError || r.tests.empty())
        broken.push_back(
            fmt::format("promised {} on every test, but {}", verdict, describe_outcome(r)));
      else if (first_other != nullptr)
        broken.push_back(
            fmt::format("promised {} on every test, but {} of {} tests got another "
                        "verdict, first {}",
                        verdict, others, r.tests.size(), describe_test(*first_other)));
    } else {
      const std::string where = group.empty() ? "some group" : "group " + group;
      bool found = false;
      const TestResult* first_in_group = nullptr;
      for (const TestResult& t : r.tests) {
        const bool in_group = group.empty() || t.group == group;
        found = found || (in_group && verdict_name(t.verdict) == verdict);
        if (in_group && !t.passed() && first_in_group == nullptr) first_in_group = &t;
      }
      if (status != Status::kFail)
        broken.push_back(
            fmt::format("promised {} in {}, but {}", verdict, where, describe_outcome(r)));
      else if (!found && first_in_group == nullptr)
        broken.push_back(fmt::format("promised {} in {}, but every test there passed; {}", verdict,
                                     where, describe_outcome(r)));
      else if (!found)
        broken.push_back(
            fmt::format("promised {} in {}, but its first failure there is {}{}", verdict, where,
                        describe_test(*first_in_group),
                        first_in_group == first_failure(r) ? "" : "; " + describe_outcome(r)));
    }
  }
  return broken;
}

}  // namespace judge
