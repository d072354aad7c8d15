// docs/openapi.yaml against a real `judge serve`, both ways:
//  - every route the server registers is in the file, and every operation of
//    the file is a route of the server;
//  - every operation is driven to each answer the file documents that a
//    request can provoke, and each answer is checked against the file: the
//    status, its required headers, the media type and the body's schema.
#include "openapi_schema.h"
#include "served_room.h"

#include <regex>
#include <set>

namespace judge::testing {
namespace {

using nlohmann::json;

// The routes judge/server/http_server.cpp registers, in its order (which is
// httplib's order of matching), and the path of the file that documents each.
struct Route {
  std::string method, pattern, documented;
};
const std::vector<Route>& server_routes() {
  static const std::vector<Route> routes{
      {"GET", "/api/v1/session", "/api/v1/session"},
      {"GET", "/api/v1/problems", "/api/v1/problems"},
      {"GET", "/api/v1/problems/([^/]+)", "/api/v1/problems/{id}"},
      {"GET", "/api/v1/problems/([^/]+)/hints/([^/]+)", "/api/v1/problems/{id}/hints/{n}"},
      {"POST", "/api/v1/problems/([^/]+)/quiz/([^/]+)", "/api/v1/problems/{id}/quiz/{n}"},
      {"GET", "/api/v1/problems/([^/]+)/solution", "/api/v1/problems/{id}/solution"},
      {"GET", "/api/v1/drafts/([^/]+)", "/api/v1/drafts/{id}"},
      {"PUT", "/api/v1/drafts/([^/]+)", "/api/v1/drafts/{id}"},
      {"POST", "/api/v1/submissions", "/api/v1/submissions"},
      {"GET", "/api/v1/submissions", "/api/v1/submissions"},
      {"GET", "/api/v1/submissions/([^/]+)", "/api/v1/submissions/{id}"},
      {"POST", "/api/v1/learners", "/api/v1/learners"},
      {"GET", "/api/v1/learners", "/api/v1/learners"},
      {"GET", "/api/v1/room", "/api/v1/room"},
      {"POST", "/api/v1/exports", "/api/v1/exports"},
      {"GET", "/api/v1/exports/([^/]+)/(.+)", "/api/v1/exports/{name}/{file}"},
      {"GET", "/", "/"},
      {"GET", "/organiser", "/organiser"},
      {"GET", "/static/([A-Za-z0-9_.-]+)", "/static/{name}"},
      {"GET", "/healthz", "/healthz"},
      {"GET", "/join/([^/]+)", "/join/{token}"}};
  return routes;
}

using MethodAndPath = std::pair<std::string, std::string>;

// What http_server.cpp registers, read from its text (api("GET", "...") and
// http_->Get("...")), so a route added there without a line above fails.
std::set<MethodAndPath> registered_routes() {
  const std::string text = read_text(source_dir() + "/judge/server/http_server.cpp");
  static const std::regex route(
      R"re((?:api\("([A-Z]+)",\s*|http_->(Get|Post|Put|Delete|Patch|Options)\()(?:R"\((.*?)\)"|"([^"]*)"))re");
  std::set<MethodAndPath> found;
  for (std::sregex_iterator it(text.begin(), text.end(), route), end; it != end; ++it) {
    std::string method = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
    std::transform(method.begin(), method.end(), method.begin(), ::toupper);
    found.emplace(method, (*it)[3].matched ? (*it)[3].str() : (*it)[4].str());
  }
  return found;
}

// The route a request reaches: the first registered pattern that matches.
const Route* route_of(const std::string& method, const std::string& target) {
  const std::string path = target.substr(0, target.find('?'));
  for (const Route& r : server_routes())
    if (r.method == method && std::regex_match(path, std::regex(r.pattern))) return &r;
  return nullptr;
}

TEST(ServeOpenApiRoutes, EveryServerRouteIsInTheFileAndEveryOperationIsServed) {
  std::set<MethodAndPath> listed, listed_documented;
  for (const Route& r : server_routes()) {
    listed.emplace(r.method, r.pattern);
    listed_documented.emplace(r.method, r.documented);
    // The file's template reaches the route it is said to document.
    const std::string example =
        std::regex_replace(r.documented, std::regex(R"(\{file\})"), "learners/Ada.json");
    const Route* reached =
        route_of(r.method, std::regex_replace(example, std::regex(R"(\{\w+\})"), "x1"));
    ASSERT_NE(reached, nullptr) << r.documented;
    EXPECT_EQ(reached->documented, r.documented);
  }
  EXPECT_EQ(registered_routes(), listed) << "a route of http_server.cpp is missing above, or gone";
  const OpenApi api = OpenApi::load(source_dir() + "/docs/openapi.yaml");
  const auto ops = api.operations();
  EXPECT_EQ(std::set<MethodAndPath>(ops.begin(), ops.end()), listed_documented)
      << "docs/openapi.yaml and the server's routes differ";
}

// One room for the suite; each test adds the learners it needs.
class ServeOpenApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    api_ = new OpenApi(OpenApi::load(source_dir() + "/docs/openapi.yaml"));
    room_ = new ServedRoom;
    seen_ = new std::set<std::string>;
  }
  static void TearDownTestSuite();

  // The request, its status (0: any the file documents) and its answer
  // checked against the file's operation for the route it reaches.
  static Reply expect(int status, const std::string& method, const std::string& target,
                      const std::string& bearer = "", const std::string& body = "",
                      const httplib::Headers& headers = {}) {
    const Route* route = route_of(method, target);
    if (route == nullptr) {
      ADD_FAILURE() << method << " " << target << " reaches no route";
      return {};
    }
    Reply reply = room_->call(method, target, bearer, body, headers);
    if (status != 0) {
      EXPECT_EQ(reply.status, status) << method << " " << target << ": " << reply.text;
    }
    const Answer answer{reply.status, [&](const std::string& name) { return reply.header(name); },
                        reply.text};
    const std::vector<std::string> errors = api_->check(method, route->documented, answer);
    EXPECT_TRUE(errors.empty()) << method << " " << target << ":\n"
                                << ::testing::PrintToString(errors) << "\n"
                                << reply.text.substr(0, 2000);
    seen_->insert(method + " " + route->documented + " " + std::to_string(reply.status));
    return reply;
  }
  static Reply expect_json(int status, const std::string& method, const std::string& target,
                           const std::string& bearer, const json& body) {
    return expect(status, method, target, bearer, body.dump());
  }
  static std::string organiser() { return room_->organiser_token(); }
  static httplib::Headers cookie(const std::string& token) {
    return {{"Cookie", "judge_session=" + token}};
  }

  static OpenApi* api_;
  static ServedRoom* room_;
  static std::set<std::string>* seen_;  // "GET /api/v1/room 200"
};

OpenApi* ServeOpenApi::api_ = nullptr;
ServedRoom* ServeOpenApi::room_ = nullptr;
std::set<std::string>* ServeOpenApi::seen_ = nullptr;

// When the whole suite ran: every documented answer was provoked, except
// those no request can provoke, and every operation answered at least once.
void ServeOpenApi::TearDownTestSuite() {
  const ::testing::TestSuite* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
  if (suite != nullptr && suite->test_to_run_count() == suite->total_test_count()) {
    for (const auto& [method, path] : api_->operations()) {
      bool answered = false;
      for (int status : api_->statuses(method, path)) {
        const std::string key = method + " " + path + " " + std::to_string(status);
        answered |= seen_->count(key) > 0;
        // 500: the server's own fault; 503: the store failing; a page's 200
        // or 503 and a static file's 200 depend on whether judge/web was built.
        const bool unprovokable =
            status == 500 || status == 503 ||
            (status == 200 && (path == "/" || path == "/organiser" || path == "/static/{name}"));
        if (!unprovokable && seen_->count(key) == 0) ADD_FAILURE() << "never checked: " << key;
      }
      if (!answered) ADD_FAILURE() << "never answered: " << method << " " << path;
    }
  }
  delete room_;
  delete api_;
  delete seen_;
}

TEST_F(ServeOpenApi, PagesHealthAndJoinLinks) {
  expect(0, "GET", "/");
  expect(0, "GET", "/organiser");
  expect(0, "GET", "/static/app.css");
  expect(404, "GET", "/static/no-such-file.js");
  expect(200, "GET", "/healthz");
  const std::string ada = room_->add_learner("Ada");
  EXPECT_EQ(expect(303, "GET", "/join/" + ada).header("Location"), "/");
  EXPECT_EQ(expect(303, "GET", "/join/" + organiser()).header("Location"), "/organiser");
  expect(404, "GET", "/join/" + std::string(64, 'a'));
}

TEST_F(ServeOpenApi, SessionProblemsHintsAndQuiz) {
  const std::string ada = room_->add_learner("Ada");
  EXPECT_EQ(expect(200, "GET", "/api/v1/session", ada).body["role"], "learner");
  EXPECT_EQ(expect(200, "GET", "/api/v1/session", organiser()).body["learner"], nullptr);
  expect(401, "GET", "/api/v1/session");
  expect(200, "GET", "/api/v1/problems", ada);
  expect(200, "GET", "/api/v1/problems", organiser());
  expect(401, "GET", "/api/v1/problems");
  expect(200, "GET", "/api/v1/problems/softmax", ada);
  expect(200, "GET", "/api/v1/problems/softmax", organiser());
  expect(404, "GET", "/api/v1/problems/attention_backward", ada);  // in the bank, not this room
  expect(401, "GET", "/api/v1/problems/softmax");

  expect(200, "GET", "/api/v1/problems/softmax/hints/0", ada);
  expect(400, "GET", "/api/v1/problems/softmax/hints/first", ada);
  expect(404, "GET", "/api/v1/problems/softmax/hints/99", ada);
  expect(401, "GET", "/api/v1/problems/softmax/hints/0");

  // softmax's question 0 is open, question 1 has choices and answer 1 in the
  // bank's order, which the organiser sees; a learner sees an order of their
  // own and answers by its numbers.
  const std::string quiz = "/api/v1/problems/softmax/quiz/";
  const json right =
      expect(200, "GET", "/api/v1/problems/softmax", organiser()).body["quiz"][1]["choices"][1];
  const json shown = expect(200, "GET", "/api/v1/problems/softmax", ada).body["quiz"][1]["choices"];
  const auto at = std::find(shown.begin(), shown.end(), right);
  ASSERT_NE(at, shown.end());
  const int k = static_cast<int>(at - shown.begin());
  const json answered = expect_json(200, "POST", quiz + "1", ada, {{"choice", k}}).body;
  EXPECT_EQ(answered["correct"], true);
  EXPECT_EQ(answered["correct_choice"], k);
  EXPECT_EQ(expect_json(200, "POST", quiz + "1", ada, {{"choice", (k + 1) % 3}}).body["correct"],
            false);
  EXPECT_EQ(expect_json(200, "POST", quiz + "1", organiser(), {{"choice", 1}}).body["correct"],
            true);
  EXPECT_EQ(expect_json(200, "POST", quiz + "0", ada, {{"answer", "it cancels"}}).body["correct"],
            nullptr);
  expect_json(400, "POST", quiz + "1", ada, {{"answer", "the second"}});
  expect(400, "POST", quiz + "1", ada, "choice=1");
  expect_json(404, "POST", quiz + "99", ada, {{"choice", 0}});
  expect_json(401, "POST", quiz + "1", "", {{"choice", 1}});
  expect(403, "POST", quiz + "1", "", R"({"choice": 1})", cookie(ada));  // no X-CSRF-Token
  expect(413, "POST", quiz + "1", ada, std::string(1100 << 10, ' '));
}

TEST_F(ServeOpenApi, DraftsAndTheSolutionBeforeAPass) {
  const std::string ada = room_->add_learner("Ada");
  const std::string draft = "/api/v1/drafts/softmax_rows";
  expect(404, "GET", draft, ada);  // none yet
  expect_json(200, "PUT", draft, ada, {{"source", "// started"}});
  EXPECT_EQ(expect(200, "GET", draft, ada).body["source"], "// started");
  expect_json(400, "PUT", draft, ada, {{"code", "// started"}});
  expect_json(413, "PUT", draft, ada, {{"source", std::string((256 << 10) + 1, 'x')}});
  expect_json(404, "PUT", "/api/v1/drafts/attention_backward", ada, {{"source", ""}});
  expect_json(403, "PUT", draft, organiser(), {{"source", ""}});
  expect_json(401, "PUT", draft, "", {{"source", ""}});
  expect(403, "GET", draft, organiser());
  expect(401, "GET", draft);

  expect(403, "GET", "/api/v1/problems/softmax_rows/solution", ada);
  expect(200, "GET", "/api/v1/problems/softmax_rows/solution", organiser());
  expect(404, "GET", "/api/v1/problems/attention_backward/solution", organiser());
  expect(401, "GET", "/api/v1/problems/softmax_rows/solution");
}

TEST_F(ServeOpenApi, SubmissionsAndTheirResults) {
  const std::string grace = room_->add_learner("Grace");
  const std::string other = room_->add_learner("Other");
  const json passed = expect_json(200, "POST", "/api/v1/submissions?wait=60", grace,
                                  {{"problem", "softmax"}, {"source", unique(correct_softmax())}})
                          .body;
  EXPECT_EQ(passed["result"]["status"], "pass");
  expect(200, "GET", "/api/v1/problems/softmax/solution", grace);  // earned

  const json queued =
      expect_json(202, "POST", "/api/v1/submissions", grace,
                  {{"problem", "softmax"}, {"source", unique(softmax_without_max_shift())}})
          .body;
  const std::string one = "/api/v1/submissions/" + std::to_string(queued["id"].get<int>());
  const json failed = expect(200, "GET", one + "?wait=60", grace).body;
  EXPECT_EQ(failed["result"]["status"], "fail") << failed.dump();  // with "nan" in a mismatch
  expect(200, "GET", one, organiser());
  expect(404, "GET", one, other);
  expect(400, "GET", "/api/v1/submissions/12abc", grace);
  expect(400, "GET", one + "?wait=soon", grace);
  expect(404, "GET", "/api/v1/submissions/999999", organiser());
  expect(401, "GET", one);

  EXPECT_EQ(expect(200, "GET", "/api/v1/submissions", grace).body["submissions"].size(), 2u);
  expect(200, "GET", "/api/v1/submissions?problem=softmax_rows", grace);
  expect(404, "GET", "/api/v1/submissions?problem=nope", grace);
  expect(403, "GET", "/api/v1/submissions", organiser());
  expect(401, "GET", "/api/v1/submissions");

  const json body{{"problem", "softmax"}, {"source", "x"}};
  expect_json(400, "POST", "/api/v1/submissions", grace, {{"problem", "softmax"}});
  expect_json(404, "POST", "/api/v1/submissions", grace, {{"problem", "nope"}, {"source", "x"}});
  expect_json(413, "POST", "/api/v1/submissions", grace,
              {{"problem", "softmax"}, {"source", std::string((256 << 10) + 1, 'x')}});
  expect_json(403, "POST", "/api/v1/submissions", organiser(), body);
  expect_json(401, "POST", "/api/v1/submissions", "", body);
  // Three pending checks (each holds a worker for seconds), then a refusal.
  for (int i = 0; i < 3; ++i)
    expect_json(202, "POST", "/api/v1/submissions", other,
                {{"problem", "softmax"}, {"source", unique(endless_softmax())}});
  const Reply busy = expect_json(429, "POST", "/api/v1/submissions", other, body);
  EXPECT_EQ(busy.body["error"], "learner_busy");
}

TEST_F(ServeOpenApi, TheOrganisersRoutes) {
  const std::string ada = room_->add_learner("Ada");
  expect_json(201, "POST", "/api/v1/learners", organiser(), {{"name", "Grace"}});
  const json two =
      expect_json(201, "POST", "/api/v1/learners", organiser(), {{"names", {"Edsger", "Barbara"}}})
          .body;
  EXPECT_EQ(two["learners"].size(), 2u);
  expect_json(400, "POST", "/api/v1/learners", organiser(), {{"name", "two\nlines"}});
  expect_json(400, "POST", "/api/v1/learners", organiser(), {{"names", json::array()}});
  expect_json(403, "POST", "/api/v1/learners", ada, {{"name", "Mallory"}});
  expect_json(401, "POST", "/api/v1/learners", "", {{"name", "Mallory"}});
  expect(413, "POST", "/api/v1/learners", organiser(), std::string(1100 << 10, ' '));
  expect(200, "GET", "/api/v1/learners", organiser());
  expect(403, "GET", "/api/v1/learners", ada);
  expect(401, "GET", "/api/v1/learners");
  expect(200, "GET", "/api/v1/room", organiser());
  expect(403, "GET", "/api/v1/room", ada);
  expect(401, "GET", "/api/v1/room");

  const json exported = expect(201, "POST", "/api/v1/exports", organiser()).body;
  expect(403, "POST", "/api/v1/exports", ada);
  expect(401, "POST", "/api/v1/exports");
  expect(413, "POST", "/api/v1/exports", organiser(), std::string(1100 << 10, ' '));
  const std::string base = "/api/v1/exports/" + exported["name"].get<std::string>() + "/";
  ASSERT_FALSE(exported["files"].empty());
  for (const auto& file : exported["files"])  // names like "Ada #1.json": percent-encoded
    expect(200, "GET", base + url_encode_path(file.get<std::string>()), organiser());
  expect(404, "GET", base + "no-such-file.csv", organiser());
  expect(403, "GET", base + "summary.csv", ada);
  expect(401, "GET", base + "summary.csv");
}

}  // namespace
}  // namespace judge::testing
