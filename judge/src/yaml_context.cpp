#include "yaml_context.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

namespace judge {

std::string closest_match(const std::string& word, const std::vector<std::string>& options) {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string& option : options) {
    // Levenshtein distance, one row at a time.
    std::vector<std::size_t> row(option.size() + 1);
    for (std::size_t j = 0; j <= option.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= word.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= option.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min(
            {row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] == option[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    const bool prefix = option.rfind(word, 0) == 0 && !word.empty();
    const std::size_t d = prefix ? 1 : row[option.size()];
    if (d < best_distance) {
      best_distance = d;
      best = option;
    }
  }
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  return best_distance <= limit ? best : "";
}

namespace {

void reject_duplicate_keys(const YamlContext& ctx, const YAML::Node& node, int depth) {
  if (depth > 64) ctx.fail(node, "the document is nested too deeply");
  if (node.IsSequence()) {
    for (const auto& item : node) reject_duplicate_keys(ctx, item, depth + 1);
    return;
  }
  if (!node.IsMap()) return;
  std::map<std::string, YAML::Mark> seen;
  for (const auto& entry : node) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (entry.first.IsScalar()) {
      const auto [it, fresh] = seen.emplace(key, entry.first.Mark());
      if (!fresh)
        ctx.fail(entry.first, "the key '" + key + "' appears twice in this mapping (first at line " +
                                  std::to_string(it->second.line + 1) + "); merge the two");
    }
    reject_duplicate_keys(ctx, entry.second, depth + 1);
  }
}

}  // namespace

YAML::Node YamlContext::load_file() const {
  std::ifstream in(file_, std::ios::binary);
  if (!in) throw BankError(file_ + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return load_string(text.str());
}

YAML::Node YamlContext::load_string(const std::string& text) const {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    fail(e.mark, "not valid YAML: " + e.msg);
  }
  reject_duplicate_keys(*this, root, 0);
  return root;
}

std::string YamlContext::where(const YAML::Node& at) const {
  const YAML::Mark m = at.Mark();
  if (m.line < 0) return file_;
  return file_ + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

void YamlContext::fail(const YAML::Node& at, const std::string& message) const {
  throw BankError(where(at) + ": " + message);
}

void YamlContext::fail(const YAML::Mark& m, const std::string& message) const {
  throw BankError(file_ + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) +
                  ": " + message);
}

void YamlContext::expect_map(const YAML::Node& node, const std::string& what) const {
  if (!node.IsMap()) fail(node, what + " must be a mapping of keys to values");
}

void YamlContext::expect_sequence(const YAML::Node& node, const std::string& what) const {
  if (!node.IsSequence()) fail(node, what + " must be a list ([a, b] or '- ' items)");
}

void YamlContext::allow_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                             const std::string& what) const {
  expect_map(map, what);
  for (const auto& entry : map) {
    const std::string key = entry.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string message = "unknown key '" + key + "' in " + what;
    const std::string suggestion = closest_match(key, allowed);
    if (!suggestion.empty()) {
      message += "; did you mean '" + suggestion + "'?";
    } else {
      message += "; allowed keys:";
      for (const auto& a : allowed) message += " " + a;
    }
    fail(entry.first, message);
  }
}

YAML::Node YamlContext::require(const YAML::Node& map, const std::string& key,
                                const std::string& what) const {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) fail(map, what + " needs the key '" + key + "'");
  return node;
}

std::string YamlContext::text(const YAML::Node& node, const std::string& what) const {
  if (!node.IsScalar()) fail(node, what + " must be text");
  return node.Scalar();
}

double YamlContext::number(const YAML::Node& node, const std::string& what) const {
  if (!node.IsScalar()) fail(node, what + " must be a number");
  std::string s = node.Scalar();
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const double inf = std::numeric_limits<double>::infinity();
  if (lower == "inf" || lower == "+inf" || lower == ".inf" || lower == "+.inf") return inf;
  if (lower == "-inf" || lower == "-.inf") return -inf;
  if (lower == "nan" || lower == ".nan") return std::numeric_limits<double>::quiet_NaN();
  try {
    std::size_t used = 0;
    const double x = std::stod(s, &used);
    if (used == s.size()) return x;
  } catch (const std::exception&) {
  }
  fail(node, what + " must be a number (or inf, -inf, nan), not '" + s + "'");
}

long long YamlContext::integer(const YAML::Node& node, const std::string& what) const {
  const double x = number(node, what);
  if (!std::isfinite(x) || std::floor(x) != x || std::fabs(x) > 1e15)
    fail(node, what + " must be a whole number, not '" + node.Scalar() + "'");
  return static_cast<long long>(x);
}

}  // namespace judge
