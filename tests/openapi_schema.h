// docs/openapi.yaml as something a test can check answers against: the
// documented statuses of each operation, their required headers, media types
// and JSON schemas, checked by a small validator of the OpenAPI 3.0 schema
// subset the file uses.
//
// The validator refuses keywords it does not implement, so the file cannot
// promise something (a pattern, a bound) that no test checks.
#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace judge::testing {

// A YAML document as JSON: plain scalars are typed as YAML's core schema
// types them (null, true/false, integers, floats), quoted ones stay strings.
nlohmann::json yaml_to_json(const YAML::Node& node);

// What a test saw: the status, one header by name ("" when absent), the body.
struct Answer {
  int status = 0;
  std::function<std::string(const std::string&)> header;
  std::string body;
};

class OpenApi {
 public:
  explicit OpenApi(nlohmann::json document) : doc_(std::move(document)) {}
  static OpenApi load(const std::string& yaml_path);

  // Every operation, as {"GET", "/api/v1/problems/{id}"}.
  std::vector<std::pair<std::string, std::string>> operations() const;
  // The statuses documented for an operation; empty when there is no such one.
  std::vector<int> statuses(const std::string& method, const std::string& path) const;

  // What is wrong with an answer to an operation (empty when nothing): a
  // status it does not document, a missing required header, a media type or
  // a body its response does not describe.
  std::vector<std::string> check(const std::string& method, const std::string& path,
                                 const Answer& answer) const;
  // What is wrong with `value` against `schema` (a $ref or a schema object),
  // as "at /a/0/b: why".
  std::vector<std::string> validate(const nlohmann::json& value,
                                    const nlohmann::json& schema) const;

  // What no answer could show: unresolvable $refs, and schema keywords or
  // types the validator does not implement, anywhere in the file.
  std::vector<std::string> lint() const;

  const nlohmann::json& document() const { return doc_; }

 private:
  const nlohmann::json& resolve(const nlohmann::json& maybe_ref) const;
  const nlohmann::json* operation(const std::string& method, const std::string& path) const;
  void check_value(const nlohmann::json& value, const nlohmann::json& schema,
                   const std::string& at, std::vector<std::string>& errors) const;
  void check_ref(const nlohmann::json& node, const std::string& at,
                 std::vector<std::string>& problems) const;
  void lint_schema(const nlohmann::json& schema, const std::string& at,
                   std::vector<std::string>& problems) const;
  bool matches(const nlohmann::json& value, const nlohmann::json& schema,
               const std::string& at) const;

  nlohmann::json doc_;
};

}  // namespace judge::testing
