// A real `judge serve` against what a careless or hostile client sends:
// malformed requests, oversized bodies and sources, too many checks at once,
// and markup in names and program output (returned as data, escaped in the
// exported report).
#include "served_room.h"

#include <chrono>
#include <future>
#include <thread>

namespace judge::testing {
namespace {

using nlohmann::json;

struct Malformed {
  const char* method;
  std::string path;
  std::string body;
  bool organiser = false;  // sent with the organiser's token, else a learner's
};

TEST(ServeRobustness, MalformedRequestsAre400WithASentenceAndTheServerCarriesOn) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada");
  const std::string submit = "/api/v1/submissions", draft = "/api/v1/drafts/softmax";
  const std::string quiz = "/api/v1/problems/softmax/quiz/1", learners = "/api/v1/learners";
  json too_many = json::array();
  for (int i = 0; i < 501; ++i) too_many.push_back("L" + std::to_string(i));
  const std::vector<Malformed> requests{
      {"POST", submit, "not json"},
      {"POST", submit, ""},
      {"POST", submit, "[1, 2]"},
      {"POST", submit, "null"},
      {"POST", submit, R"("softmax")"},
      {"POST", submit, "{}"},
      {"POST", submit, R"({"problem": "softmax"})"},
      {"POST", submit, R"({"source": "x"})"},
      {"POST", submit, R"({"problem": 1, "source": "x"})"},
      {"POST", submit, R"({"problem": "softmax", "source": ["x"]})"},
      {"POST", submit, R"({"problem": "softmax", "source": "x")"},  // cut short
      {"POST", submit + "?wait=abc", R"({"problem": "softmax", "source": "x"})"},
      {"POST", submit + "?wait=-1", R"({"problem": "softmax", "source": "x"})"},
      {"PUT", draft, "[]"},
      {"PUT", draft, R"({"source": 1})"},
      {"PUT", draft, R"({"source": null})"},
      {"POST", quiz, R"({"choice": "1"})"},
      {"POST", quiz, R"({"choice": 1.5})"},
      {"POST", quiz, R"({"choice": 99})"},  // past the last choice
      {"POST", quiz, R"({"choice": -1})"},
      {"POST", quiz, "{"},
      {"GET", "/api/v1/submissions/12abc", ""},
      {"GET", "/api/v1/submissions/-1", ""},
      {"GET", "/api/v1/submissions/99999999999999999999", ""},
      {"GET", "/api/v1/submissions/1.5", ""},
      {"GET", "/api/v1/submissions/0x10", ""},
      {"GET", "/api/v1/submissions/1?wait=abc", ""},
      {"GET", "/api/v1/submissions/1?wait=1e3", ""},
      {"GET", "/api/v1/problems/softmax/hints/-1", ""},
      {"GET", "/api/v1/problems/softmax/hints/one", ""},
      {"POST", learners, R"({"name": 5})", true},
      {"POST", learners, R"({"name": ""})", true},
      {"POST", learners, R"({"name": "   "})", true},
      {"POST", learners, R"({"name": "two\nlines"})", true},
      {"POST", learners, json{{"name", std::string(101, 'x')}}.dump(), true},
      {"POST", learners, "{\"name\": \"\xff\xfe\"}", true},  // not UTF-8
      {"POST", learners, R"({"names": "Ada"})", true},
      {"POST", learners, R"({"names": [1]})", true},
      {"POST", learners, json{{"names", too_many}}.dump(), true},
      {"POST", learners, R"({"nom": "Ada"})", true},
      {"POST", learners, "[]", true}};
  for (const Malformed& m : requests) {
    const Reply r = room.call(m.method, m.path, m.organiser ? room.organiser_token() : ada, m.body);
    EXPECT_EQ(r.status, 400) << m.method << " " << m.path << " " << m.body << ": " << r.text;
    EXPECT_EQ(r.body["error"], "bad_request") << r.text;
    EXPECT_TRUE(r.body["message"].is_string() && !r.body["message"].empty()) << r.text;
    EXPECT_EQ(r.header("Content-Type"), "application/json");
    ASSERT_EQ(room.call("GET", "/healthz").status, 200) << "after " << m.method << " " << m.path;
  }
  // Nothing was stored by any of them.
  EXPECT_EQ(room.call("GET", "/api/v1/submissions", ada).body["submissions"], json::array());
  EXPECT_EQ(room.call("GET", draft, ada).status, 404);
  EXPECT_EQ(room.call("GET", learners, room.organiser_token()).body["learners"].size(), 1u);
}

TEST(ServeRobustness, OversizedBodiesAndSourcesAre413) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada");
  // Over the 1 MiB cap on any body: refused before a handler reads it.
  const Reply body = room.call_json("POST", "/api/v1/submissions", ada,
                                    {{"problem", "softmax"}, {"source", std::string(1 << 20, 'x')}});
  EXPECT_EQ(body.status, 413);
  EXPECT_EQ(body.body["error"], "too_large") << body.text;
  // A body under 1 MiB whose source is over 256 KiB: the source cap.
  const std::string source = "// " + std::string(256 << 10, 'x') + "\n";
  for (const Reply& r :
       {room.call_json("POST", "/api/v1/submissions", ada, {{"problem", "softmax"}, {"source", source}}),
        room.call_json("PUT", "/api/v1/drafts/softmax", ada, {{"source", source}})}) {
    EXPECT_EQ(r.status, 413) << r.text;
    EXPECT_EQ(r.body["error"], "too_large") << r.text;
  }
  // Exactly 256 KiB is still a source.
  const Reply at_cap = room.call_json("PUT", "/api/v1/drafts/softmax", ada,
                                      {{"source", std::string(256 << 10, 'x')}});
  EXPECT_EQ(at_cap.status, 200) << at_cap.text;
  EXPECT_EQ(room.call("GET", "/api/v1/submissions", ada).body["submissions"], json::array());
  EXPECT_EQ(room.call("GET", "/healthz").status, 200);
}

TEST(ServeRobustness, ALearnerWithThreeChecksPendingIsToldToWait) {
  ServedRoom room({"--set", "softmax-basics", "--workers", "1"});
  const std::string ada = room.add_learner("Ada"), bob = room.add_learner("Bob");
  // One endless check runs on the only worker, two wait behind it.
  for (int i = 0; i < 3; ++i) ASSERT_EQ(room.submit(ada, unique(endless_softmax())).status, 202);
  const Reply busy = room.submit(ada, unique(correct_softmax()));
  ASSERT_EQ(busy.status, 429) << busy.text;
  EXPECT_EQ(busy.body["error"], "learner_busy");
  EXPECT_GT(std::stoi(busy.header("Retry-After").empty() ? "0" : busy.header("Retry-After")), 0);
  // Refused means not stored; and the limit is Ada's, not the room's.
  EXPECT_EQ(room.call("GET", "/api/v1/submissions", ada).body["submissions"].size(), 3u);
  EXPECT_EQ(room.submit(bob, unique(correct_softmax())).status, 202);
  room.kill_hard();  // the endless checks would hold the worker for a while
}

TEST(ServeRobustness, ALearnersLongPollsAreCappedSoNobodyHoldsTheServersThreads) {
  ServedRoom room({"--set", "softmax-basics", "--workers", "1"});
  const std::string ada = room.add_learner("Ada");
  // The only worker runs an endless check; the next one stays queued.
  ASSERT_EQ(room.submit(ada, unique(endless_softmax())).status, 202);
  const Reply queued = room.submit(ada, unique(correct_softmax()));
  ASSERT_EQ(queued.status, 202) << queued.text;
  const std::string path =
      "/api/v1/submissions/" + std::to_string(queued.body["id"].get<std::int64_t>()) + "?wait=20";
  std::vector<std::future<Reply>> held;
  for (int i = 0; i < 4; ++i)
    held.push_back(std::async(std::launch::async, [&] { return room.call("GET", path, ada); }));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let the four settle in
  const auto start = std::chrono::steady_clock::now();
  const Reply fifth = room.call("GET", path, ada);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(fifth.status, 200) << fifth.text;
  EXPECT_NE(fifth.body["state"], "done");
  EXPECT_LT(seconds, 10.0) << "a fifth long-poll was held like the first four";
  room.kill_hard();  // ends the held polls and the endless check
  for (auto& f : held) f.get();
}

// An XSS payload a learner could carry, in a name and in program output.
const std::string kName = "<img src=x onerror=alert(1)><script>alert(2)</script>";

std::string shouting_softmax() {
  return "#include \"exercise.h\"\n"
         "#include <cstdio>\n"
         "namespace {\n"
         "// Before main: the program's first words are markup.\n"
         "struct Shout {\n"
         "  Shout() {\n"
         "    std::fputs(\"<script>alert(3)</script>\\n\", stderr);\n"
         "    std::fputs(\"<script>alert(3)</script>\\n\", stdout);\n"
         "  }\n"
         "} shout;\n"
         "}  // namespace\n"
         "Eigen::VectorXf softmax(const Eigen::VectorXf& x) { return x; }\n";
}

TEST(ServeRobustness, MarkupFromLearnersIsJsonDataAndEscapedInTheReport) {
  ServedRoom room;
  const std::string organiser = room.organiser_token();
  const Reply made = room.call_json("POST", "/api/v1/learners", organiser, {{"name", kName}});
  ASSERT_EQ(made.status, 201) << made.text;
  EXPECT_EQ(made.body["name"], kName);  // as given: whoever shows it escapes it
  const std::string mallory = made.body["token"];
  room.add_learner("../../evil");  // a name that would be a path

  const Reply checked = room.call_json("POST", "/api/v1/submissions?wait=60", mallory,
                                       {{"problem", "softmax"}, {"source", unique(shouting_softmax())}});
  ASSERT_EQ(checked.status, 200) << checked.text;
  EXPECT_NE(checked.body["result"]["status"], "pass");
  EXPECT_NE(checked.text.find("alert(3)"), std::string::npos) << "the output is not in the result";

  for (const Reply& r : {checked, room.call("GET", "/api/v1/session", mallory),
                         room.call("GET", "/api/v1/learners", organiser),
                         room.call("GET", "/api/v1/room", organiser)}) {
    EXPECT_EQ(r.header("Content-Type"), "application/json") << r.text;
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  }
  EXPECT_EQ(room.call("GET", "/api/v1/session", mallory).body["learner"]["name"], kName);

  const Reply exported = room.call("POST", "/api/v1/exports", organiser);
  ASSERT_EQ(exported.status, 201) << exported.text;
  const std::string base = "/api/v1/exports/" + exported.body["name"].get<std::string>() + "/";
  for (const auto& file : exported.body["files"]) {
    const std::string name = file.get<std::string>();
    EXPECT_EQ(("/" + name + "/").find("/../"), std::string::npos) << name;  // inside the export
    EXPECT_EQ(room.call("GET", base + url_encode_path(name), organiser).status, 200) << name;
  }
  // report.html is a download, never a page of the room's origin; in it the
  // name is data its script shows as text: escaped for HTML or for the JSON
  // in its <script> element, never raw markup.
  const Reply report = room.call("GET", base + "report.html", organiser);
  ASSERT_EQ(report.status, 200);
  EXPECT_EQ(report.header("Content-Type"), "application/octet-stream");
  EXPECT_EQ(report.header("Content-Disposition"), "attachment");
  const bool escaped = report.text.find("&lt;script&gt;alert(2)") != std::string::npos ||
                       report.text.find("\\u003cscript\\u003ealert(2)") != std::string::npos;
  EXPECT_TRUE(escaped) << "the name is missing from report.html";
  for (const char* raw : {"<script>alert", "<img src=x", "onerror=alert(1)>"})
    EXPECT_EQ(report.text.find(raw), std::string::npos) << raw << " unescaped in report.html";
}

}  // namespace
}  // namespace judge::testing
