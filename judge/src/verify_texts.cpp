#include "verify_texts.h"

#include "yaml_context.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace judge {
namespace {

// A word of prose: two or more ASCII letters, perhaps ending in punctuation.
// "d_v", "sqrt(64)" and "x" are not words; "Multiplying" and "by," are.
bool is_word(std::string token) {
  while (!token.empty() && std::string(",.;:!?\"'").find(token.back()) != std::string::npos)
    token.pop_back();
  if (token.size() < 2) return false;
  for (const char c : token)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

class Walker {
 public:
  Walker(const YamlContext& ctx, std::vector<std::string>& out) : ctx_(ctx), out_(out) {}

  void walk(const YAML::Node& node, const std::string& path) {
    if (node.IsScalar()) {
      if (node.Scalar().find(kAuthorPlaceholder) != std::string::npos)
        out_.push_back(ctx_.where(node) + ": " + name(path) + " still holds the placeholder " +
                       kAuthorPlaceholder + ": write the text it stands for");
      return;
    }
    if (node.IsSequence()) {
      for (std::size_t i = 0; i < node.size(); ++i)
        walk(node[i], path + "[" + std::to_string(i) + "]");
      return;
    }
    if (!node.IsMap()) return;
    const YAML::Node en = node["en"], zh = node["zh"];
    if (en && zh && en.IsScalar() && zh.IsScalar() && en.Scalar() == zh.Scalar() &&
        reads_as_prose(en.Scalar()) && en.Scalar().find(kAuthorPlaceholder) == std::string::npos)
      out_.push_back(ctx_.where(zh) + ": " + name(path + ".zh") +
                     " is the same as its en text: translate it");
    for (const auto& entry : node)
      if (entry.first.IsScalar())
        walk(entry.second, path.empty() ? entry.first.Scalar() : path + "." + entry.first.Scalar());
  }

 private:
  static std::string name(const std::string& path) { return "the text at " + path; }

  const YamlContext& ctx_;
  std::vector<std::string>& out_;
};

}  // namespace

bool reads_as_prose(const std::string& text) {
  std::istringstream in(text);
  bool previous = false;
  for (std::string token; in >> token;) {
    const bool word = is_word(token);
    if (word && previous) return true;
    previous = word;
  }
  return false;
}

std::vector<std::string> unfinished_texts(const std::string& path) {
  std::vector<std::string> out;
  const YamlContext ctx(path);
  Walker(ctx, out).walk(ctx.load_file(), "");
  return out;
}

std::string compact_number(double value) {
  // Tolerances are small: 1e-4 reads better than %g's 0.0001.
  if (value == 0 || std::fabs(value) >= 0.01) return fmt::format("{:g}", value);
  std::string mantissa = fmt::format("{:.6e}", value);
  const auto e = mantissa.find('e');
  const int exponent = std::stoi(mantissa.substr(e + 1));
  mantissa.resize(e);
  while (mantissa.back() == '0') mantissa.pop_back();
  if (mantissa.back() == '.') mantissa.pop_back();
  return mantissa + "e" + std::to_string(exponent);
}

std::vector<std::string> unstated_tolerance(const Problem& problem) {
  std::vector<std::string> out;
  const std::string atol = compact_number(problem.tolerance.atol);
  const std::string rtol = compact_number(problem.tolerance.rtol);
  for (const auto& [lang, text] :
       {std::pair<const char*, const std::string*>{"en", &problem.statement.en},
        {"zh", &problem.statement.zh}})
    if (text->find(atol) == std::string::npos || text->find(rtol) == std::string::npos)
      out.push_back(fmt::format(
          "{}: statement.{} does not state the tolerance: name atol {} and rtol {} as written "
          "here (\"|got - expected| <= {} + {} |expected|\"), and the magnitude term in words",
          problem.file, lang, atol, rtol, atol, rtol));
  return out;
}

std::vector<std::string> telltale_choices(const Problem& problem) {
  std::vector<std::string> out;
  for (std::size_t n = 0; n < problem.questions.size(); ++n) {
    const Question& q = problem.questions[n];
    if (q.choices.size() < 2 || q.correct < 0) continue;
    const double right =
        static_cast<double>(q.choices[static_cast<std::size_t>(q.correct)].en.size());
    double longest_other = 0;
    for (std::size_t k = 0; k < q.choices.size(); ++k)
      if (static_cast<int>(k) != q.correct)
        longest_other = std::max(longest_other, static_cast<double>(q.choices[k].en.size()));
    if (right > kTelltaleLength * longest_other &&
        right >= longest_other + static_cast<double>(kTelltaleExtraChars))
      out.push_back(fmt::format(
          "{}: questions[{}]: the right choice is {:.1f} x as long as any other, so its length "
          "gives it away: shorten it (the model answer explains) or give the others the same "
          "detail",
          problem.file, n, right / longest_other));
  }
  return out;
}

}  // namespace judge
