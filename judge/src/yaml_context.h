// Reading a problem file with errors that point at file:line:column and say
// what to write instead. Every loader step goes through these helpers.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

namespace judge {

struct BankError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class YamlContext {
 public:
  explicit YamlContext(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  // Parses the file. Unreadable files, YAML syntax errors and a key written
  // twice in one mapping (yaml-cpp keeps both; the second would be ignored or
  // run twice) all throw BankError with file:line:column.
  YAML::Node load_file() const;
  YAML::Node load_string(const std::string& text) const;

  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const;
  [[noreturn]] void fail(const YAML::Mark& at, const std::string& message) const;
  std::string where(const YAML::Node& at) const;

  void expect_map(const YAML::Node& node, const std::string& what) const;
  void expect_sequence(const YAML::Node& node, const std::string& what) const;
  // Rejects any key of `map` not in `allowed`, suggesting the closest one.
  void allow_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                  const std::string& what) const;
  YAML::Node require(const YAML::Node& map, const std::string& key, const std::string& what) const;

  std::string text(const YAML::Node& node, const std::string& what) const;
  double number(const YAML::Node& node, const std::string& what) const;
  long long integer(const YAML::Node& node, const std::string& what) const;

 private:
  std::string file_;
};

// The closest of `options` to `word`, or "" if none is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& options);

}  // namespace judge
