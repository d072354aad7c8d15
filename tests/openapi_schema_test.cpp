// The checker behind the OpenAPI conformance test: a checker that accepted
// everything would make that test pass vacuously, so each rule it enforces is
// shown to refuse here.
#include "openapi_schema.h"
#include "test_support.h"

namespace judge::testing {
namespace {

using nlohmann::json;

OpenApi tiny() {
  return OpenApi(yaml_to_json(YAML::Load(R"yaml(
paths:
  /things/{id}:
    get:
      responses:
        "200":
          description: a thing
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
        "429":
          description: busy
          headers:
            Retry-After: {required: true, schema: {type: integer, minimum: 1}}
          content:
            application/json: {schema: {type: object}}
components:
  schemas:
    Thing:
      type: object
      additionalProperties: false
      required: [id, state, note]
      properties:
        id: {type: integer}
        state: {type: string, enum: [on, off]}
        note: {type: string, nullable: true, maxLength: 3}
        ratio: {type: number, minimum: 0}
        tags: {type: array, items: {type: string, pattern: "^[a-z]+$"}}
        owner:
          oneOf:
            - {type: object, required: [name], properties: {name: {type: string}}}
            - {type: object, nullable: true, enum: [null]}
)yaml")));
}

TEST(OpenApiSchema, YamlScalarsKeepTheirTypesAndQuotedOnesStayStrings) {
  const json doc = yaml_to_json(YAML::Load(
      "{a: 2, b: '2', c: 2.5, d: null, e: true, f: -inf, g: \"null\", h: [null, on]}"));
  EXPECT_TRUE(doc["a"].is_number_integer());
  EXPECT_TRUE(doc["b"].is_string());
  EXPECT_TRUE(doc["c"].is_number_float());
  EXPECT_TRUE(doc["d"].is_null());
  EXPECT_EQ(doc["e"], true);
  EXPECT_EQ(doc["f"], "-inf");
  EXPECT_EQ(doc["g"], "null");
  EXPECT_EQ(doc["h"], json::parse(R"([null, "on"])"));
}

TEST(OpenApiSchema, AcceptsADocumentThatFitsAndRefusesEachDeparture) {
  const OpenApi api = tiny();
  const json thing = api.document()["components"]["schemas"]["Thing"];
  const json good = {{"id", 1}, {"state", "on"}, {"note", nullptr}, {"ratio", 2},
                     {"tags", {"a"}}, {"owner", nullptr}};
  EXPECT_EQ(api.validate(good, thing), std::vector<std::string>{});
  EXPECT_EQ(api.validate(json::parse(R"({"id":1,"state":"off","note":"abc","owner":{"name":"x"}})"),
                         thing),
            std::vector<std::string>{});

  const auto refused = [&](const char* change) {
    json bad = good;
    bad.merge_patch(json::parse(change));
    return !api.validate(bad, thing).empty();
  };
  EXPECT_TRUE(refused(R"({"id": 1.5})"));          // a number is not an integer
  EXPECT_TRUE(refused(R"({"id": "1"})"));
  EXPECT_TRUE(refused(R"({"ratio": -1})"));        // minimum
  EXPECT_TRUE(refused(R"({"state": "maybe"})"));   // enum
  EXPECT_TRUE(refused(R"({"note": "abcd"})"));     // maxLength
  EXPECT_TRUE(refused(R"({"tags": ["A"]})"));      // pattern, in items
  EXPECT_TRUE(refused(R"({"tags": "a"})"));
  EXPECT_TRUE(refused(R"({"extra": 1})"));         // additionalProperties: false
  EXPECT_TRUE(refused(R"({"owner": {"nick": "x"}})"));  // oneOf: neither
  json missing = good;
  missing.erase("state");
  EXPECT_FALSE(api.validate(missing, thing).empty());  // required
  json null_id = good;
  null_id["id"] = nullptr;
  EXPECT_FALSE(api.validate(null_id, thing).empty());  // not nullable
  EXPECT_FALSE(api.validate(json::array(), thing).empty());
}

TEST(OpenApiSchema, ChecksTheStatusTheHeadersAndTheMediaTypeOfAnAnswer) {
  const OpenApi api = tiny();
  std::map<std::string, std::string> headers{{"Content-Type", "application/json; charset=utf-8"}};
  Answer answer{200, [&](const std::string& name) { return headers[name]; },
                R"({"id": 1, "state": "on", "note": null})"};
  EXPECT_EQ(api.check("GET", "/things/{id}", answer), std::vector<std::string>{});
  EXPECT_FALSE(api.check("POST", "/things/{id}", answer).empty());  // no such operation
  answer.status = 201;
  EXPECT_FALSE(api.check("GET", "/things/{id}", answer).empty());  // undocumented status
  answer.status = 429;
  answer.body = "{}";
  EXPECT_FALSE(api.check("GET", "/things/{id}", answer).empty());  // no Retry-After
  headers["Retry-After"] = "0";
  EXPECT_FALSE(api.check("GET", "/things/{id}", answer).empty());  // below its minimum
  headers["Retry-After"] = "5";
  EXPECT_EQ(api.check("GET", "/things/{id}", answer), std::vector<std::string>{});
  headers["Content-Type"] = "text/html";
  EXPECT_FALSE(api.check("GET", "/things/{id}", answer).empty());
  EXPECT_EQ(api.statuses("GET", "/things/{id}"), (std::vector<int>{200, 429}));
}

TEST(OpenApiSchema, LintFindsKeywordsNoTestChecksAndReferencesThatDoNotResolve) {
  const OpenApi api(yaml_to_json(YAML::Load(R"yaml(
components:
  schemas:
    A: {type: object, properties: {x: {type: string, format: date, uniqueItems: true}}}
    B: {oneOf: [{$ref: "#/components/schemas/Gone"}]}
    C: {type: "null"}
)yaml")));
  const std::vector<std::string> problems = api.lint();
  ASSERT_EQ(problems.size(), 3u) << ::testing::PrintToString(problems);
  EXPECT_NE(problems[0].find("uniqueItems"), std::string::npos);
  EXPECT_NE(problems[1].find("Gone"), std::string::npos);
  EXPECT_NE(problems[2].find("unknown type"), std::string::npos);
}

TEST(OpenApiSchema, TheJudgesFileUsesOnlyWhatTheCheckerImplements) {
  const OpenApi api = OpenApi::load(source_dir() + "/docs/openapi.yaml");
  EXPECT_EQ(api.document()["openapi"], "3.0.3");
  EXPECT_EQ(api.lint(), std::vector<std::string>{});
}

}  // namespace
}  // namespace judge::testing
