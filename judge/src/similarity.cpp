#include "similarity.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <numeric>

namespace judge {
namespace {

bool is_keyword(const std::string& word) {
  static const std::set<std::string> keywords{
      "auto", "bool", "break", "case", "catch", "char", "const", "constexpr", "continue",
      "default", "delete", "do", "double", "else", "enum", "false", "float", "for", "if",
      "inline", "int", "long", "namespace", "new", "nullptr", "return", "short", "signed",
      "sizeof", "static", "struct", "switch", "template", "this", "throw", "true", "try",
      "typename", "unsigned", "using", "void", "while", "std", "Eigen", "size_t"};
  return keywords.count(word) > 0;
}

// FNV-1a over a k-gram's tokens: stable across runs and machines, so reports
// do not change from one grading to the next.
std::uint64_t hash_gram(const std::vector<std::string>& tokens, std::size_t at) {
  std::uint64_t h = 1469598103934665603ull;
  for (int i = 0; i < kGram; ++i) {
    for (const unsigned char c : tokens[at + i]) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;  // a separator no token holds
  }
  return h;
}

}  // namespace

std::vector<std::string> normalized_tokens(const std::string& s) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (s.compare(i, 2, "//") == 0) {
      i = std::min(s.size(), s.find('\n', i));
    } else if (s.compare(i, 2, "/*") == 0) {
      const std::size_t end = s.find("*/", i + 2);
      i = end == std::string::npos ? s.size() : end + 2;
    } else if (c == '#') {  // a preprocessor line: includes are the stub's, not the learner's
      i = std::min(s.size(), s.find('\n', i));
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t end = i;
      while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '_'))
        ++end;
      const std::string word = s.substr(i, end - i);
      tokens.push_back(is_keyword(word) ? word : "id");
      i = end;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
      tokens.push_back("0");
    } else if (c == '"' || c == '\'') {
      std::size_t end = i + 1;
      while (end < s.size() && s[end] != c) end += s[end] == '\\' ? 2 : 1;
      i = std::min(s.size(), end + 1);
      tokens.push_back("\"");
    } else {
      tokens.push_back(std::string(1, c));
      ++i;
    }
  }
  return tokens;
}

std::set<std::uint64_t> fingerprints(const std::string& source) {
  const std::vector<std::string> tokens = normalized_tokens(source);
  std::set<std::uint64_t> kept;
  if (tokens.size() < static_cast<std::size_t>(kGram)) return kept;
  std::vector<std::uint64_t> hashes;
  for (std::size_t at = 0; at + kGram <= tokens.size(); ++at) hashes.push_back(hash_gram(tokens, at));
  if (hashes.size() < static_cast<std::size_t>(kWindow)) {
    kept.insert(*std::min_element(hashes.begin(), hashes.end()));
    return kept;
  }
  for (std::size_t at = 0; at + kWindow <= hashes.size(); ++at)
    kept.insert(*std::min_element(hashes.begin() + at, hashes.begin() + at + kWindow));
  return kept;
}

double jaccard(const std::set<std::uint64_t>& a, const std::set<std::uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  std::size_t common = 0;
  for (const auto h : a) common += b.count(h);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::vector<SimilarFiles> similar_groups(const std::vector<std::string>& sources,
                                         const std::string& stub, double threshold) {
  const std::set<std::uint64_t> base = fingerprints(stub);
  std::vector<std::set<std::uint64_t>> prints;
  for (const auto& source : sources) {
    std::set<std::uint64_t> own;
    for (const auto h : fingerprints(source))
      if (!base.count(h)) own.insert(h);
    prints.push_back(std::move(own));
  }
  // Union-find over the pairs that pass the threshold.
  std::vector<std::size_t> parent(sources.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::function<std::size_t(std::size_t)> root = [&](std::size_t i) {
    return parent[i] == i ? i : parent[i] = root(parent[i]);
  };
  std::vector<double> weakest(sources.size(), 1.0);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (prints[i].size() < kMinFingerprints) continue;
    for (std::size_t j = i + 1; j < sources.size(); ++j) {
      if (prints[j].size() < kMinFingerprints) continue;
      const double similarity = jaccard(prints[i], prints[j]);
      if (similarity < threshold) continue;
      const std::size_t a = root(i), b = root(j);
      const double link = std::min({similarity, weakest[a], weakest[b]});
      parent[std::max(a, b)] = std::min(a, b);
      weakest[std::min(a, b)] = link;
    }
  }
  std::vector<SimilarFiles> groups;
  std::vector<int> group_of(sources.size(), -1);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::size_t r = root(i);
    if (group_of[r] < 0) {
      group_of[r] = static_cast<int>(groups.size());
      groups.push_back({{}, weakest[r]});
    }
    groups[group_of[r]].members.push_back(i);
  }
  groups.erase(std::remove_if(groups.begin(), groups.end(),
                              [](const SimilarFiles& g) { return g.members.size() < 2; }),
               groups.end());
  return groups;
}

}  // namespace judge
