#include "scaffold.h"

#include "records.h"
#include "signature.h"
#include "stub.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace judge {
namespace {

std::string default_signature(const std::string& id) {
  return "Eigen::VectorXf " + id + "(const Eigen::VectorXf& x)";
}

// The parser takes any identifier; these cannot name the learner's function:
// C++'s keywords, main, and the namespaces the harness and the references use.
bool reserved(const std::string& name) {
  static const std::string words =
      " alignas alignof and and_eq asm auto bitand bitor bool break case catch char "
      "char16_t char32_t class compl const const_cast constexpr continue decltype default "
      "delete do double dynamic_cast else enum explicit export extern false float for "
      "friend goto if inline int long main mutable namespace new noexcept not not_eq "
      "nullptr operator or or_eq private protected public register reinterpret_cast return "
      "short signed sizeof static static_assert static_cast struct switch template this "
      "thread_local throw true try typedef typeid typename union unsigned using virtual "
      "void volatile wchar_t while xor xor_eq judge reference std Eigen ";
  return words.find(" " + name + " ") != std::string::npos;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// The parser's message, then the signature with a caret under the column.
std::string signature_error(const std::string& text, const SignatureError& e) {
  // The parser counts columns in the trimmed text, and a parameter's column
  // is where its piece starts, maybe on the space after a comma.
  const auto first = text.find_first_not_of(" \t\n");
  const std::string trimmed = first == std::string::npos ? "" : text.substr(first);
  std::size_t column = std::min(e.column, trimmed.size());
  while (column < trimmed.size() && trimmed[column] == ' ') ++column;
  std::string shown = trimmed.substr(0, trimmed.find_last_not_of(" \t\n") + 1);
  for (char& c : shown)
    if (c == '\n' || c == '\t') c = ' ';
  return fmt::format("the signature does not parse at column {}: {}\n  {}\n  {}^", column + 1,
                     e.what(), shown, std::string(column, ' '));
}

std::string reference_source(const ScaffoldRequest& r, const Signature& sig) {
  std::string params;
  for (const auto& p : sig.params) params += "  (void)" + p.name + ";\n";
  return fmt::format(
      "// Reference: {todo}: one line that says what {id} computes.\n"
      "//\n"
      "// The judge computes every expected value with this file, so it decides\n"
      "// what is right. Its conventions:\n"
      "// - it computes in double precision: the learner's float types become their\n"
      "//   double counterparts (float -> double, Eigen::VectorXf -> Eigen::VectorXd\n"
      "//   or Vector, a record -> the record of namespace reference), so the\n"
      "//   expected values carry no float32 rounding of their own;\n"
      "// - arguments the problem rejects throw std::invalid_argument (the invalid\n"
      "//   group expects exactly that); any other exception is a bug of the bank;\n"
      "// - solutions/reference_blocks.h has shared double-precision building\n"
      "//   blocks (safe softmax, attention, ...): include it instead of copying.\n"
      "#include \"reference.h\"\n\n"
      "namespace reference {{\n\n"
      "{declaration} {{\n"
      "{params}"
      "  throw std::logic_error(\"{todo}: compute {id} in double precision\");\n"
      "}}\n\n"
      "}}  // namespace reference\n",
      fmt::arg("todo", kPlaceholder), fmt::arg("id", r.id),
      fmt::arg("declaration", reference_declaration(sig)), fmt::arg("params", params));
}

// A known solution in the learner's style: a float function that still throws.
std::string learner_body(const Signature& sig, const std::string& what) {
  std::string s = "#include \"exercise.h\"\n\n" + sig.text + " {\n";
  for (const auto& p : sig.params) s += "  (void)" + p.name + ";\n";
  return s + "  throw std::logic_error(\"" + std::string(kPlaceholder) + ": " + what + "\");\n}\n";
}

std::string wrong_source(const Signature& sig) {
  const std::string todo = kPlaceholder;
  return "// " + todo +
         ": name the mistake and what it does to the result, e.g. \"No max\n"
         "// shift: exp(1000) overflows to inf and the row becomes NaN.\" Then rename\n"
         "// the file after the mistake (no_max_shift.cpp) and set the verdict and the\n"
         "// group that must catch it on the line below.\n"
         "// expect: wrong_answer basic\n"
         "// mistake: " + todo + ": the mistake's title, as a learner is told it\n"
         "// mistake.zh: " + todo + ": the title in Chinese\n"
         "// explain: " + todo + ": why it is wrong and how to fix it, without the\n"
         "// explain: whole solution (shown when a learner's output matches this file)\n"
         "// explain.zh: " + todo + ": the same in Chinese\n" +
         learner_body(sig, "that one mistake, in float, as a learner writes it");
}

std::string correct_source(const Signature& sig) {
  const std::string todo = kPlaceholder;
  return "// " + todo +
         ": a correct solution in another style than the reference (plain\n"
         "// loops, one pass, ...), in float, to prove the tolerance; rename the file\n"
         "// after the style.\n"
         "// expect: accepted\n" +
         learner_body(sig, "a correct solution in float");
}

}  // namespace

std::string scaffold_title(const std::string& id) {
  return std::string(kPlaceholder) + ": one line that says what " + id + " computes";
}

ScaffoldRequest with_defaults(const ScaffoldRequest& request, const Bank& bank) {
  ScaffoldRequest r = request;
  if (r.track.empty() && !bank.tracks.empty()) r.track = bank.tracks.front().id;
  if (r.difficulty.empty()) r.difficulty = "medium";
  if (r.signature.find_first_not_of(" \t\n") == std::string::npos)
    r.signature = default_signature(r.id);
  return r;
}

std::string scaffold_error(const ScaffoldRequest& request, const Bank& bank) {
  static const std::regex id_pattern("[a-z0-9_]+");
  const std::string& id = request.id;
  if (!std::regex_match(id, id_pattern))
    return "an id uses only a-z, 0-9 and _, and '" + id +
           "' does not: it names the problem's files (problems/ID.yaml) and is typed in "
           "every command";
  if (bank.find(id) != nullptr)
    return "the problem '" + id + "' already exists (" + bank.find(id)->file +
           "); choose another id";
  if (request.signature.empty() && std::isdigit(static_cast<unsigned char>(id[0])))
    return "the id '" + id +
           "' starts with a digit, so it cannot name the function: give its signature with "
           "--signature \"Eigen::VectorXf NAME(const Eigen::VectorXf& x)\"";
  const ScaffoldRequest r = with_defaults(request, bank);
  std::vector<std::string> tracks;
  for (const auto& t : bank.tracks) tracks.push_back(t.id);
  if (tracks.empty()) return "the bank has no tracks: add one to problems/tracks.yaml first";
  if (bank.tracks.end() == std::find_if(bank.tracks.begin(), bank.tracks.end(),
                                        [&](const Track& t) { return t.id == r.track; })) {
    const std::string guess = closest_match(r.track, tracks);
    return "no track '" + r.track + "'" +
           (guess.empty() ? "." : "; did you mean '" + guess + "'?") +
           " The tracks are: " + joined(tracks) + ".";
  }
  if (r.difficulty != "easy" && r.difficulty != "medium" && r.difficulty != "hard")
    return "the difficulty is easy, medium or hard, not '" + r.difficulty + "'";
  try {
    const Signature sig = parse_signature(r.signature, bank.records);
    if (reserved(sig.name))
      return "the function cannot be called '" + sig.name + "', a word C++ reserves" +
             (request.signature.empty() ? ": give its signature with --signature" : "");
  } catch (const SignatureError& e) {
    return signature_error(r.signature, e);
  }
  return "";
}

ScaffoldFiles scaffold_files(const ScaffoldRequest& request, const Bank& bank) {
  const ScaffoldRequest r = with_defaults(request, bank);
  const Signature sig = parse_signature(r.signature, bank.records);
  // The stub is what stub_source() makes of the problem file: the same id,
  // title and signature (the test suite loads the file to prove it).
  Problem problem;
  problem.id = r.id;
  problem.title.en = scaffold_title(r.id);
  problem.signatures = {sig};
  const std::string dir = "solutions/" + r.id + "/";
  return {{"problems/" + r.id + ".yaml", scaffold_problem_yaml(r, sig)},
          {dir + "reference.cpp", reference_source(r, sig)},
          {dir + "wrong/TODO_mistake.cpp", wrong_source(sig)},
          {dir + "correct/TODO_style.cpp", correct_source(sig)},
          {"exercises/" + r.id + ".cpp", stub_source(problem)}};
}

}  // namespace judge
