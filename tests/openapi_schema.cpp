#include "openapi_schema.h"

#include <algorithm>
#include <regex>
#include <set>
#include <stdexcept>

namespace judge::testing {
namespace {

using nlohmann::json;

const char* const kMethods[] = {"get", "put", "post", "delete", "patch", "head", "options"};

// The keywords check_value implements, and those that only inform people.
// Anything else in a schema is an error: the file would promise something
// that no test checks.
const std::set<std::string>& known_keywords() {
  static const std::set<std::string> known{
      "$ref",  "type",     "nullable", "enum",       "required",  "properties",
      "additionalProperties", "items", "minItems",   "maxItems",  "minLength",
      "maxLength", "pattern", "minimum", "maximum", "oneOf", "anyOf", "allOf",
      "format", "description", "example", "title"};
  return known;
}

bool has_type(const json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "integer") return value.is_number_integer();  // 2.0 is a number, not an integer
  if (type == "number") return value.is_number();
  throw std::invalid_argument("unknown type '" + type + "' in the OpenAPI file");
}

// Characters, not bytes: what JSON Schema's lengths count.
std::size_t code_points(const std::string& text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; });
}

// "application/json; charset=utf-8" -> "application/json"
std::string media_type(const std::string& content_type) {
  std::string media = content_type.substr(0, content_type.find(';'));
  media.erase(media.find_last_not_of(" \t") + 1);
  std::transform(media.begin(), media.end(), media.begin(), ::tolower);
  return media;
}

json typed_scalar(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return text;  // quoted or a block scalar: always a string
  static const std::regex integer(R"([-+]?[0-9]+)");
  static const std::regex real(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    return nullptr;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (std::regex_match(text, integer)) return std::stoll(text);
  if (std::regex_match(text, real)) return std::stod(text);
  return text;
}

}  // namespace

json yaml_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      return typed_scalar(node);
    case YAML::NodeType::Sequence: {
      json list = json::array();
      for (const auto& item : node) list.push_back(yaml_to_json(item));
      return list;
    }
    case YAML::NodeType::Map: {
      json map = json::object();
      for (const auto& item : node) map[item.first.Scalar()] = yaml_to_json(item.second);
      return map;
    }
  }
  return nullptr;
}

OpenApi OpenApi::load(const std::string& yaml_path) {
  return OpenApi(yaml_to_json(YAML::LoadFile(yaml_path)));
}

std::vector<std::pair<std::string, std::string>> OpenApi::operations() const {
  std::vector<std::pair<std::string, std::string>> ops;
  for (const auto& [path, item] : doc_.at("paths").items())
    for (const char* method : kMethods)
      if (item.contains(method)) {
        std::string upper = method;
        std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
        ops.emplace_back(upper, path);
      }
  return ops;
}

const json* OpenApi::operation(const std::string& method, const std::string& path) const {
  std::string lower = method;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  const json& paths = doc_.at("paths");
  if (!paths.contains(path) || !paths[path].contains(lower)) return nullptr;
  return &paths[path][lower];
}

std::vector<int> OpenApi::statuses(const std::string& method, const std::string& path) const {
  std::vector<int> codes;
  if (const json* op = operation(method, path))
    for (const auto& [code, response] : op->at("responses").items()) codes.push_back(std::stoi(code));
  return codes;
}

const json& OpenApi::resolve(const json& maybe_ref) const {
  if (!maybe_ref.is_object() || !maybe_ref.contains("$ref")) return maybe_ref;
  const std::string ref = maybe_ref["$ref"].get<std::string>();
  if (ref.rfind("#/", 0) != 0) throw std::invalid_argument("only local $refs are supported: " + ref);
  return resolve(doc_.at(json::json_pointer(ref.substr(1))));
}

std::vector<std::string> OpenApi::check(const std::string& method, const std::string& path,
                                        const Answer& answer) const {
  const std::string what = method + " " + path + " " + std::to_string(answer.status);
  const json* op = operation(method, path);
  if (op == nullptr) return {method + " " + path + " is not in the OpenAPI file"};
  const json& responses = op->at("responses");
  const std::string code = std::to_string(answer.status);
  if (!responses.contains(code)) return {what + ": this status is not documented"};
  const json& response = resolve(responses[code]);

  std::vector<std::string> errors;
  const json headers = response.value("headers", json::object());  // items() needs it alive
  for (const auto& [name, spec] : headers.items()) {
    const json& header = resolve(spec);
    const std::string value = answer.header(name);
    if (value.empty()) {
      if (header.value("required", false)) errors.push_back(what + ": no " + name + " header");
      continue;
    }
    const json& schema = resolve(header.at("schema"));
    const bool integer = schema.value("type", "") == "integer" &&
                         value.find_first_not_of("0123456789") == std::string::npos;
    for (const auto& e : validate(integer ? json(std::stoll(value)) : json(value), schema))
      errors.push_back(what + ": header " + name + " " + e);
  }
  if (!response.contains("content")) return errors;
  const std::string media = media_type(answer.header("Content-Type"));
  const json& content = response["content"];
  if (!content.contains(media)) {
    errors.push_back(what + ": the content type '" + media + "' is not documented");
    return errors;
  }
  if (media != "application/json") return errors;  // text: the schema says string
  const json body = json::parse(answer.body, nullptr, false);
  if (body.is_discarded()) {
    errors.push_back(what + ": the body is not JSON: " + answer.body.substr(0, 200));
    return errors;
  }
  for (const auto& e : validate(body, content[media].at("schema"))) errors.push_back(what + " " + e);
  return errors;
}

std::vector<std::string> OpenApi::validate(const json& value, const json& schema) const {
  std::vector<std::string> errors;
  check_value(value, schema, "", errors);
  return errors;
}

bool OpenApi::matches(const json& value, const json& schema, const std::string& at) const {
  std::vector<std::string> errors;
  check_value(value, schema, at, errors);
  return errors.empty();
}

void OpenApi::check_value(const json& value, const json& schema, const std::string& at,
                          std::vector<std::string>& errors) const {
  const json& s = resolve(schema);
  const std::string where = "at " + (at.empty() ? std::string("/") : at) + ": ";
  for (const auto& [keyword, unused] : s.items())
    if (known_keywords().count(keyword) == 0)
      errors.push_back(where + "the schema uses '" + keyword + "', which no test checks");

  const bool in_enum = !s.contains("enum") || std::find(s["enum"].begin(), s["enum"].end(),
                                                        value) != s["enum"].end();
  if (!in_enum) errors.push_back(where + value.dump() + " is not one of " + s["enum"].dump());
  // OpenAPI 3.0: null is allowed only by `nullable: true` beside a type.
  if (value.is_null()) {
    if (s.value("nullable", false)) return;
    if (s.contains("type")) {
      errors.push_back(where + "null, but the schema is a non-nullable " + s["type"].get<std::string>());
      return;
    }
  } else if (s.contains("type") && !has_type(value, s["type"].get<std::string>())) {
    errors.push_back(where + value.dump().substr(0, 80) + " is not of type " +
                     s["type"].get<std::string>());
    return;
  }

  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    if (s.contains("minLength") && code_points(text) < s["minLength"].get<std::size_t>())
      errors.push_back(where + "shorter than " + s["minLength"].dump());
    if (s.contains("maxLength") && code_points(text) > s["maxLength"].get<std::size_t>())
      errors.push_back(where + "longer than " + s["maxLength"].dump());
    if (s.contains("pattern") &&
        !std::regex_search(text, std::regex(s["pattern"].get<std::string>())))
      errors.push_back(where + "'" + text.substr(0, 80) + "' does not match " + s["pattern"].dump());
  }
  if (value.is_number()) {
    if (s.contains("minimum") && value.get<double>() < s["minimum"].get<double>())
      errors.push_back(where + value.dump() + " is below " + s["minimum"].dump());
    if (s.contains("maximum") && value.get<double>() > s["maximum"].get<double>())
      errors.push_back(where + value.dump() + " is above " + s["maximum"].dump());
  }
  if (value.is_array()) {
    if (s.contains("minItems") && value.size() < s["minItems"].get<std::size_t>())
      errors.push_back(where + "fewer items than " + s["minItems"].dump());
    if (s.contains("maxItems") && value.size() > s["maxItems"].get<std::size_t>())
      errors.push_back(where + "more items than " + s["maxItems"].dump());
    if (s.contains("items"))
      for (std::size_t i = 0; i < value.size(); ++i)
        check_value(value[i], s["items"], at + "/" + std::to_string(i), errors);
  }
  if (value.is_object()) {
    for (const auto& name : s.value("required", json::array()))
      if (!value.contains(name.get<std::string>()))
        errors.push_back(where + "no required property '" + name.get<std::string>() + "'");
    const json properties = s.value("properties", json::object());
    for (const auto& [name, item] : value.items()) {
      if (properties.contains(name)) {
        check_value(item, properties[name], at + "/" + name, errors);
      } else if (s.contains("additionalProperties")) {
        const json& extra = s["additionalProperties"];
        if (extra.is_boolean() && !extra.get<bool>())
          errors.push_back(where + "an undocumented property '" + name + "'");
        else if (extra.is_object())
          check_value(item, extra, at + "/" + name, errors);
      }
    }
  }

  for (const auto& part : s.value("allOf", json::array())) check_value(value, part, at, errors);
  if (s.contains("anyOf") &&
      std::none_of(s["anyOf"].begin(), s["anyOf"].end(),
                   [&](const json& part) { return matches(value, part, at); }))
    errors.push_back(where + "matches none of anyOf");
  if (s.contains("oneOf")) {
    std::vector<std::string> why;
    int matched = 0;
    for (const auto& part : s["oneOf"]) {
      std::vector<std::string> part_errors;
      check_value(value, part, at, part_errors);
      if (part_errors.empty()) ++matched;
      else why.push_back(part_errors.front());
    }
    if (matched == 0)
      errors.push_back(where + "matches none of oneOf" + (why.empty() ? "" : " (" + why.front() + ", ...)"));
    else if (matched > 1)
      errors.push_back(where + "matches " + std::to_string(matched) + " alternatives of oneOf");
  }
}

}  // namespace judge::testing

namespace judge::testing {

std::vector<std::string> OpenApi::lint() const {
  std::vector<std::string> problems;
  // Outside schemas: find them (a "schema", the components' "schemas") and
  // the references of responses, parameters and headers.
  std::function<void(const json&, const std::string&)> walk = [&](const json& node,
                                                                   const std::string& at) {
    if (node.is_array())
      for (std::size_t i = 0; i < node.size(); ++i) walk(node[i], at + "/" + std::to_string(i));
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items()) {
      if (key == "schema") {
        lint_schema(value, at + "/schema", problems);
      } else if (key == "schemas") {
        for (const auto& [name, schema] : value.items())
          lint_schema(schema, at + "/schemas/" + name, problems);
      } else if (key == "$ref") {
        check_ref(node, at, problems);
      } else {
        walk(value, at + "/" + key);
      }
    }
  };
  walk(doc_, "");
  return problems;
}

void OpenApi::check_ref(const json& node, const std::string& at,
                        std::vector<std::string>& problems) const {
  try {
    resolve(node);
  } catch (const std::exception&) {
    problems.push_back(at + ": $ref " + node["$ref"].dump() + " does not resolve");
  }
}

void OpenApi::lint_schema(const json& schema, const std::string& at,
                          std::vector<std::string>& problems) const {
  if (!schema.is_object()) return;
  if (schema.contains("$ref")) return check_ref(schema, at, problems);
  for (const auto& [keyword, value] : schema.items())
    if (known_keywords().count(keyword) == 0)
      problems.push_back(at + ": '" + keyword + "' is not a keyword the checker implements");
  static const std::set<std::string> types{"object", "array",   "string",
                                           "boolean", "integer", "number"};
  if (schema.contains("type") && types.count(schema["type"].get<std::string>()) == 0)
    problems.push_back(at + ": unknown type " + schema["type"].dump());
  if (schema.contains("properties"))
    for (const auto& [name, property] : schema["properties"].items())
      lint_schema(property, at + "/properties/" + name, problems);
  if (schema.contains("items")) lint_schema(schema["items"], at + "/items", problems);
  if (schema.contains("additionalProperties"))
    lint_schema(schema["additionalProperties"], at + "/additionalProperties", problems);
  for (const char* group : {"allOf", "anyOf", "oneOf"})
    for (std::size_t i = 0; schema.contains(group) && i < schema[group].size(); ++i)
      lint_schema(schema[group][i], at + "/" + group + "/" + std::to_string(i), problems);
}

}  // namespace judge::testing
