// Who may see and do what in a real `judge serve`: one learner against
// another, a learner against the organiser's routes and the solutions, a
// cookie-borne change without its CSRF token, the join link's cookie, the
// security headers of every kind of answer, and paths that try to reach
// solutions/, the data folder or expected values.
#include "served_room.h"

#include <regex>

namespace judge::testing {
namespace {

using nlohmann::json;

httplib::Headers cookie(const std::string& token, const std::string& csrf = "") {
  httplib::Headers headers{{"Cookie", "judge_session=" + token}};
  if (!csrf.empty()) headers.emplace("X-CSRF-Token", csrf);
  return headers;
}

std::string csrf_of(const ServedRoom& room, const std::string& token) {
  return room.call("GET", "/api/v1/session", "", "", cookie(token)).body["csrf"].get<std::string>();
}

std::string reference_softmax() {
  return read_text(source_dir() + "/solutions/softmax/reference.cpp");
}

TEST(ServeSecurity, ALearnerReachesNoOtherLearnersDraftOrSubmission) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada"), bob = room.add_learner("Bob");
  ASSERT_EQ(room.call_json("PUT", "/api/v1/drafts/softmax", ada, {{"source", "// ada's secret"}})
                .status,
            200);
  const Reply mine = room.submit(ada, unique(softmax_without_max_shift()));
  ASSERT_EQ(mine.status, 202) << mine.text;
  const std::string path = "/api/v1/submissions/" + std::to_string(mine.body["id"].get<int>());

  // Bob, by token or cookie, waiting or not: as if it did not exist.
  for (const Reply& r : {room.call("GET", path, bob), room.call("GET", path + "?wait=1", bob),
                         room.call("GET", path, "", "", cookie(bob))}) {
    EXPECT_EQ(r.status, 404) << r.text;
    EXPECT_EQ(r.text.find("no_max_shift"), std::string::npos);
  }
  EXPECT_EQ(room.call("GET", "/api/v1/drafts/softmax", bob).status, 404);  // his own: none
  EXPECT_EQ(room.call("GET", "/api/v1/submissions", bob).body["submissions"], json::array());

  // Bob's writes are his own, whatever the body claims.
  ASSERT_EQ(room.call_json("PUT", "/api/v1/drafts/softmax", bob, {{"source", "// bob"}}).status, 200);
  EXPECT_EQ(room.call("GET", "/api/v1/drafts/softmax", ada).body["source"], "// ada's secret");
  const Reply as_ada = room.call_json(
      "POST", "/api/v1/submissions", bob,
      {{"problem", "softmax"}, {"source", unique("// bob")}, {"learner", 1}, {"learner_id", 1}});
  ASSERT_EQ(as_ada.status, 202) << as_ada.text;
  const std::string his = "/api/v1/submissions/" + std::to_string(as_ada.body["id"].get<int>());
  EXPECT_EQ(room.call("GET", his, ada).status, 404);
  EXPECT_EQ(room.call("GET", his, bob).body["learner"]["name"], "Bob");
  EXPECT_EQ(room.call("GET", "/api/v1/submissions", ada).body["submissions"].size(), 1u);

  EXPECT_EQ(room.call("GET", path, room.organiser_token()).status, 200);  // the organiser reads all
}

TEST(ServeSecurity, ALearnerCannotCallTheOrganisersRoutes) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada");
  const Reply made = room.call("POST", "/api/v1/exports", room.organiser_token());
  ASSERT_EQ(made.status, 201) << made.text;
  const std::string file = "/api/v1/exports/" + made.body["name"].get<std::string>() + "/summary.csv";
  const std::string summary = room.call("GET", file, room.organiser_token()).text;
  ASSERT_NE(summary.find("Ada"), std::string::npos);

  const std::string csrf = csrf_of(room, ada);
  const std::vector<std::pair<std::string, std::string>> routes{
      {"POST", "/api/v1/learners"}, {"GET", "/api/v1/learners"}, {"GET", "/api/v1/room"},
      {"POST", "/api/v1/exports"},  {"GET", file}};
  for (const auto& [method, path] : routes)
    for (const Reply& r : {room.call(method, path, ada, R"({"name": "Mallory"})"),
                           room.call(method, path, "", R"({"name": "Mallory"})", cookie(ada, csrf))}) {
      EXPECT_EQ(r.status, 403) << method << " " << path << ": " << r.text;
      EXPECT_EQ(r.body["error"], "forbidden") << method << " " << path;
      EXPECT_EQ(r.text.find("learner,"), std::string::npos);  // not the summary
    }
  const Reply learners = room.call("GET", "/api/v1/learners", room.organiser_token());
  EXPECT_EQ(learners.body["learners"].size(), 1u) << "Mallory was added: " << learners.text;
}

TEST(ServeSecurity, TheSolutionOpensToALearnerOnlyAfterTheirPass) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada"), bob = room.add_learner("Bob");
  const std::string solution = "/api/v1/problems/softmax/solution";
  const std::string reference = reference_softmax();
  const auto closed = [&](const std::string& token) {
    const Reply r = room.call("GET", solution, token);
    EXPECT_EQ(r.text.find("shifted / shifted.sum()"), std::string::npos);
    return r.status == 403 && r.body["error"] == "forbidden";
  };
  EXPECT_TRUE(closed(ada));
  ASSERT_EQ(room.call_json("POST", "/api/v1/submissions?wait=60", ada,
                           {{"problem", "softmax"}, {"source", unique(softmax_without_max_shift())}})
                .body["result"]["status"],
            "fail");
  EXPECT_TRUE(closed(ada));  // a failed check earns nothing
  ASSERT_EQ(room.call_json("POST", "/api/v1/submissions?wait=60", ada,
                           {{"problem", "softmax"}, {"source", unique(correct_softmax())}})
                .body["result"]["status"],
            "pass");
  const Reply open = room.call("GET", solution, ada);
  ASSERT_EQ(open.status, 200) << open.text;
  EXPECT_EQ(open.body["reference"], reference);
  EXPECT_TRUE(closed(bob));  // Ada's pass is not Bob's
  EXPECT_EQ(room.call("GET", "/api/v1/problems/softmax_rows/solution", ada).status, 403);
}

TEST(ServeSecurity, ACookieBorneChangeNeedsItsOwnCsrfToken) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada"), bob = room.add_learner("Bob");
  const std::string ada_csrf = csrf_of(room, ada), bob_csrf = csrf_of(room, bob);
  ASSERT_NE(ada_csrf, bob_csrf);
  const std::string draft = "/api/v1/drafts/softmax";
  ASSERT_EQ(room.call("PUT", draft, "", R"({"source": "v1"})", cookie(ada, ada_csrf)).status, 200);

  const std::string submission = json{{"problem", "softmax"}, {"source", unique("// x")}}.dump();
  for (const std::string& wrong :
       {std::string(), std::string(64, '0'), bob_csrf, csrf_of(room, room.organiser_token()),
        ada_csrf.substr(1), ada_csrf + "0"}) {
    const httplib::Headers headers = cookie(ada, wrong);
    for (const Reply& r : {room.call("PUT", draft, "", R"({"source": "evil"})", headers),
                           room.call("POST", "/api/v1/submissions", "", submission, headers),
                           room.call("POST", "/api/v1/problems/softmax/quiz/1", "",
                                     R"({"choice": 1})", headers)}) {
      EXPECT_EQ(r.status, 403) << "X-CSRF-Token '" << wrong << "': " << r.text;
      EXPECT_EQ(r.body["error"], "csrf");
    }
  }
  // Nothing changed.
  EXPECT_EQ(room.call("GET", draft, ada).body["source"], "v1");
  EXPECT_EQ(room.call("GET", "/api/v1/submissions", ada).body["submissions"], json::array());

  // Reading needs none; the right token works; a bearer needs none.
  EXPECT_EQ(room.call("GET", draft, "", "", cookie(ada)).status, 200);
  EXPECT_EQ(room.call("GET", "/api/v1/problems", "", "", cookie(ada)).status, 200);
  EXPECT_EQ(room.call("POST", "/api/v1/submissions", "", submission, cookie(ada, ada_csrf)).status,
            202);
  EXPECT_EQ(room.call("PUT", draft, ada, R"({"source": "v2"})").status, 200);
  EXPECT_EQ(room.call("GET", draft, ada).body["source"], "v2");

  // The organiser's cookie is held to the same rule.
  const std::string organiser = room.organiser_token();
  EXPECT_EQ(room.call("POST", "/api/v1/learners", "", R"({"name": "Eve"})", cookie(organiser)).status,
            403);
  EXPECT_EQ(room.call("GET", "/api/v1/learners", organiser).body["learners"].size(), 2u);
  EXPECT_EQ(room.call("POST", "/api/v1/learners", "", R"({"name": "Eve"})",
                      cookie(organiser, csrf_of(room, organiser)))
                .status,
            201);
}

TEST(ServeSecurity, AJoinLinkSetsAStrictHttpOnlyCookieAndRedirects) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada");
  for (const auto& [token, page] : {std::pair{ada, "/"}, std::pair{room.organiser_token(), "/organiser"}}) {
    const Reply r = room.call("GET", "/join/" + token);
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.header("Location"), page);
    const std::string set_cookie = r.header("Set-Cookie");
    EXPECT_EQ(set_cookie.rfind("judge_session=" + token + ";", 0), 0u) << set_cookie;
    for (const char* attribute : {"; HttpOnly", "; SameSite=Strict", "; Path=/"})
      EXPECT_NE(set_cookie.find(attribute), std::string::npos) << attribute << " in " << set_cookie;
    EXPECT_EQ(room.call("GET", "/api/v1/session", "", "", cookie(token)).status, 200);
  }
  std::string wrong = ada;
  wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
  for (const std::string& bad : {wrong, std::string(64, 'f'), std::string("..%2forganiser.token"),
                                 ada + ";%20Path=/", std::string(300, 'a')}) {
    const Reply r = room.call("GET", "/join/" + bad);
    EXPECT_EQ(r.status, 404) << bad;
    EXPECT_EQ(r.header("Set-Cookie"), "") << bad;
  }
}

// script-src allows the judge's own files and nothing inline or evaluated.
void expect_security_headers(const Reply& r, const std::string& what) {
  SCOPED_TRACE(what + " (" + std::to_string(r.status) + ")");
  ASSERT_NE(r.status, 0);
  const std::string csp = r.header("Content-Security-Policy");
  std::smatch script_src;
  ASSERT_TRUE(std::regex_search(csp, script_src, std::regex("script-src ([^;]*)"))) << csp;
  EXPECT_NE(script_src[1].str().find("'self'"), std::string::npos);
  EXPECT_EQ(script_src[1].str().find("unsafe"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
}

TEST(ServeSecurity, EveryKindOfAnswerCarriesTheSecurityHeaders) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada"), organiser = room.organiser_token();
  const std::string exported =
      "/api/v1/exports/" +
      room.call("POST", "/api/v1/exports", organiser).body["name"].get<std::string>() + "/";
  const std::vector<std::pair<std::string, Reply>> answers{
      {"the learner's page", room.call("GET", "/")},
      {"the organiser's page", room.call("GET", "/organiser")},
      {"a static file", room.call("GET", "/static/app.css")},
      {"a missing static file", room.call("GET", "/static/none.js")},
      {"health", room.call("GET", "/healthz")},
      {"a join", room.call("GET", "/join/" + ada)},
      {"a bad join", room.call("GET", "/join/" + std::string(64, 'a'))},
      {"API JSON", room.call("GET", "/api/v1/problems", ada)},
      {"401", room.call("GET", "/api/v1/problems")},
      {"403", room.call("GET", "/api/v1/room", ada)},
      {"400", room.call("POST", "/api/v1/submissions", ada, "{")},
      {"413", room.call("POST", "/api/v1/submissions", ada, std::string(2 << 20, ' '))},
      {"an unknown API route", room.call("GET", "/api/v1/nothing", ada)},
      {"an unknown page", room.call("GET", "/nothing")},
      {"an exported HTML file", room.call("GET", exported + "report.html", organiser)},
      {"an exported CSV file", room.call("GET", exported + "summary.csv", organiser)}};
  for (const auto& [what, reply] : answers) expect_security_headers(reply, what);
}

TEST(ServeSecurity, NoPathReachesSolutionsTheDataFolderOrExpectedValues) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada"), organiser = room.organiser_token();
  const std::string name = room.call("POST", "/api/v1/exports", organiser).body["name"];
  const std::string reference = reference_softmax();
  const std::vector<std::string> paths{
      "/static/../solutions/softmax/reference.cpp",
      "/static/%2e%2e/solutions/softmax/reference.cpp",
      "/static/%2e%2e%2fsolutions%2fsoftmax%2freference.cpp",
      "/static/..%2f..%2fsolutions%2fsoftmax%2freference.cpp",
      "/static/%252e%252e%252fsolutions%252fsoftmax%252freference.cpp",
      "/../solutions/softmax/reference.cpp",
      "/solutions/softmax/reference.cpp",
      "/static/reference.cpp",
      "/static/softmax/reference.cpp",
      "/api/v1/problems/../../solutions/softmax/reference.cpp",
      "/api/v1/problems/..%2f..%2fsolutions%2fsoftmax/solution",
      "/api/v1/exports/../../organiser.token",
      "/api/v1/exports/%2e%2e/%2e%2e%2forganiser.token",
      "/api/v1/exports/../judge.sqlite",
      "/api/v1/exports/" + name + "/../../organiser.token",
      "/api/v1/exports/" + name + "/..%2f..%2forganiser.token",
      "/api/v1/exports/" + name + "/../../judge.sqlite",
      "/api/v1/exports/" + name + "/learners/../../../organiser.token",
      "/api/v1/exports/..-/summary.csv",
      "/api/v1/exports/" + name + "/%2e%2e/%2e%2e/judge.sqlite"};
  for (const std::string& path : paths)
    for (const std::string& token : {ada, organiser}) {
      const Reply r = room.call("GET", path, token);
      // A learner may meet the exports' 403 first.
      const bool refused = r.status == 404 || r.status == 400 || (token == ada && r.status == 403);
      EXPECT_TRUE(refused) << path << ": " << r.status;
      EXPECT_EQ(r.text.find("shifted / shifted.sum()"), std::string::npos) << path;
      EXPECT_EQ(r.text.find(organiser), std::string::npos) << path;
      EXPECT_EQ(r.text.find("SQLite format"), std::string::npos) << path;
    }
  EXPECT_NE(reference.find("shifted / shifted.sum()"), std::string::npos);  // the probe is real

  // The problem as a learner sees it: inputs, no expected values or solutions.
  const Reply problem = room.call("GET", "/api/v1/problems/softmax", ada);
  ASSERT_EQ(problem.status, 200);
  for (const std::string& secret :
       {std::string("shifted / shifted.sum()"), std::string("namespace reference"),
        std::string("no_max_shift"), std::string("0.268941"), std::string("0.731058"),
        std::string("\"expected\""), std::string("\"output\""), std::string("\"answer\""),
        std::string("\"correct\"")})
    EXPECT_EQ(problem.text.find(secret), std::string::npos) << secret;
}

}  // namespace
}  // namespace judge::testing
