// The API of `judge serve` against a real server on a loopback port.
#include "served_room.h"

#include <set>

namespace judge::testing {
namespace {

TEST(ServeApi, ALearnerChecksACorrectAndAWrongSoftmax) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada");

  Reply passed = room.call_json("POST", "/api/v1/submissions?wait=120", ada,
                                {{"problem", "softmax"}, {"source", correct_softmax()}});
  ASSERT_EQ(passed.status, 200) << passed.text;
  EXPECT_EQ(passed.body["state"], "done");
  EXPECT_EQ(passed.body["result"]["status"], "pass") << passed.text;

  Reply failed = room.call_json("POST", "/api/v1/submissions?wait=120", ada,
                                {{"problem", "softmax"}, {"source", softmax_without_max_shift()}});
  ASSERT_EQ(failed.status, 200) << failed.text;
  ASSERT_EQ(failed.body["result"]["status"], "fail");
  bool stability_failed = false;
  for (const auto& t : failed.body["result"]["tests"])
    if (t["group"] == "stability" && t["status"] == "fail") {
      stability_failed = true;
      EXPECT_TRUE(t.contains("inputs")) << t.dump();
      EXPECT_EQ(t["mismatch"]["got"], "nan") << t.dump();
    }
  EXPECT_TRUE(stability_failed) << failed.text;

  // The learner's list says solved (a check passed) though the latest failed.
  const Reply problems = room.call("GET", "/api/v1/problems", ada);
  ASSERT_EQ(problems.status, 200);
  EXPECT_EQ(problems.body["problems"][0]["id"], "softmax");
  EXPECT_EQ(problems.body["problems"][0]["status"], "failed");
  EXPECT_EQ(problems.body["problems"][0]["solved"], true);
}

TEST(ServeApi, WithoutCredentialsOnlyPagesAndTheJoinPageAnswer) {
  ServedRoom room;
  EXPECT_EQ(room.call("GET", "/healthz").status, 200);
  EXPECT_EQ(room.call("GET", "/api/v1/problems").status, 401);
  EXPECT_EQ(room.call("GET", "/api/v1/problems", std::string(64, 'a')).status, 401);
  EXPECT_EQ(room.call("GET", "/join/" + std::string(64, 'a')).status, 404);
  const Reply page = room.call("GET", "/");
  EXPECT_NE(page.header("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
}

TEST(ServeApi, AHintOrQuestionPastTheLastIsNotFoundHoweverLargeItsNumber) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada");
  // 2^32 and 2^32 + 1 once wrapped to hints 0 and 1 (an int from 64 bits).
  for (const std::string n : {"4", "4294967296", "4294967297", "999999999999999999"}) {
    EXPECT_EQ(room.call("GET", "/api/v1/problems/softmax/hints/" + n, ada).status, 404) << n;
    EXPECT_EQ(room.call("POST", "/api/v1/problems/softmax/quiz/" + n, ada, R"({"choice": 1})").status,
              404)
        << n;
  }
  EXPECT_EQ(room.call("GET", "/api/v1/problems/softmax/hints/1", ada).body["index"], 1);
}

TEST(ServeApi, AWaitThatRunsOutAnswersWithTheStateTheSubmissionIsIn) {
  ServedRoom room;
  const std::string ada = room.add_learner("Ada");
  // A worker claims it at once and the endless check lasts seconds: after a
  // one-second wait it is running, not queued.
  const Reply r = room.call_json("POST", "/api/v1/submissions?wait=1", ada,
                                 {{"problem", "softmax"}, {"source", unique(endless_softmax())}});
  ASSERT_EQ(r.status, 202) << r.text;
  EXPECT_EQ(r.body["state"], "running") << r.text;
  room.kill_hard();  // no need to wait for the time limits
}

TEST(ServeApi, AnExportHasOneReportPerLearnerWhateverTheirNames) {
  ServedRoom room;
  // Two Adas become "Ada #1" and "Ada #2" in the reports; a third learner
  // really named "Ada #2" must not share the second one's file and row.
  const Reply made = room.call_json("POST", "/api/v1/learners", room.organiser_token(),
                                    {{"names", {"Ada", "Ada", "Ada #2", "Grace"}}});
  ASSERT_EQ(made.status, 201) << made.text;
  const Reply exported = room.call("POST", "/api/v1/exports", room.organiser_token());
  ASSERT_EQ(exported.status, 201) << exported.text;
  std::set<std::string> learner_files;
  for (const auto& f : exported.body["files"])
    if (f.get<std::string>().rfind("learners/", 0) == 0) learner_files.insert(f.get<std::string>());
  EXPECT_EQ(learner_files.size(), 4u) << exported.text;
}

}  // namespace
}  // namespace judge::testing
