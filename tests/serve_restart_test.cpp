// A room killed with SIGKILL while it checks, and started again on the same
// data folder: every submission acknowledged before the kill is checked
// exactly once more at most (the one that was running) and ends done with a
// result; none is lost or finished twice, and every token still works.
#include "served_room.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <thread>

namespace judge::testing {
namespace {

using nlohmann::json;

struct Row {
  std::string state;
  bool has_result = false, has_finished = false;
  int attempts = 0;
};

// The store as the server left it (the API does not show attempts).
std::map<std::int64_t, Row> stored_submissions(const ServedRoom& room) {
  SQLite::Database db(room.data_dir() + "/judge.sqlite", SQLite::OPEN_READONLY);
  SQLite::Statement query(db,
                          "SELECT id, state, result_json IS NOT NULL, finished_ms IS NOT NULL, "
                          "attempts FROM submissions");
  std::map<std::int64_t, Row> rows;
  while (query.executeStep())
    rows[query.getColumn(0).getInt64()] = {query.getColumn(1).getString(),
                                           query.getColumn(2).getInt() == 1,
                                           query.getColumn(3).getInt() == 1,
                                           query.getColumn(4).getInt()};
  return rows;
}

TEST(ServeRestart, AKilledRoomChecksEveryAcknowledgedSubmissionExactlyOnceAfterARestart) {
  ServedRoom room({"--set", "softmax-basics", "--workers", "1"});
  const std::string ada = room.add_learner("Ada"), bob = room.add_learner("Bob");

  // The only worker takes an endless check first; five wait behind it.
  std::map<std::int64_t, std::string> acknowledged;  // id -> its learner's token
  const auto submit = [&](const std::string& token, const std::string& source) {
    const Reply r = room.submit(token, unique(source));
    ASSERT_EQ(r.status, 202) << r.text;
    acknowledged[r.body["id"].get<std::int64_t>()] = token;
  };
  submit(ada, endless_softmax());
  const std::int64_t running = acknowledged.begin()->first;
  submit(ada, correct_softmax());
  submit(ada, softmax_without_max_shift());
  submit(bob, correct_softmax());
  submit(bob, softmax_without_max_shift());
  submit(bob, correct_softmax());
  ASSERT_EQ(acknowledged.size(), 6u);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (room.call("GET", "/api/v1/submissions/" + std::to_string(running), ada).body["state"] !=
             "running" &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));

  room.kill_hard();
  std::map<std::int64_t, Row> before = stored_submissions(room);
  ASSERT_EQ(before.size(), 6u);
  for (const auto& [id, row] : before)
    EXPECT_EQ(row.state, id == running ? "running" : "queued") << id;

  room.start();
  EXPECT_NE(room.banner().find("Recovered: 1 check left unfinished"), std::string::npos)
      << room.banner();
  // The tokens of the first run, and the join links, are still good.
  EXPECT_EQ(room.call("GET", "/api/v1/learners", room.organiser_token()).status, 200);
  EXPECT_EQ(room.call("GET", "/api/v1/session", ada).body["learner"]["name"], "Ada");
  EXPECT_EQ(room.call("GET", "/api/v1/session", bob).body["learner"]["name"], "Bob");
  EXPECT_EQ(room.call("GET", "/join/" + bob).status, 303);

  for (const auto& [id, token] : acknowledged) {
    const Reply done = room.wait_done(token, id);
    ASSERT_EQ(done.status, 200) << done.text;
    EXPECT_EQ(done.body["state"], "done") << id;
    EXPECT_TRUE(done.body["result"].is_object() && done.body["result"].contains("status")) << id;
  }
  EXPECT_EQ(room.call("GET", "/api/v1/submissions/" + std::to_string(running), ada)
                .body["result"]["tests"][0]["verdict"],
            "time_limit");

  // In the store: the same six rows, all done with one result each; only the
  // check the kill interrupted was claimed twice.
  const std::map<std::int64_t, Row> after = stored_submissions(room);
  ASSERT_EQ(after.size(), acknowledged.size());
  for (const auto& [id, row] : after) {
    ASSERT_EQ(acknowledged.count(id), 1u) << "an unknown submission " << id;
    EXPECT_EQ(row.state, "done") << id;
    EXPECT_TRUE(row.has_result && row.has_finished) << id;
    EXPECT_EQ(row.attempts, id == running ? 2 : 1) << id;
  }
  EXPECT_EQ(room.call("GET", "/api/v1/submissions", ada).body["submissions"].size(), 3u);
  EXPECT_EQ(room.call("GET", "/api/v1/submissions", bob).body["submissions"].size(), 3u);
}

}  // namespace
}  // namespace judge::testing
