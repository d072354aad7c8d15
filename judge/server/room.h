// The practice room behind `judge serve`: what learners and the organiser may
// see and do, as JSON documents (docs/api.md), with no HTTP in it. The HTTP
// layer (http_server.h) authenticates the caller, turns requests into calls
// here and ApiError into error answers.
//
// Invariants:
//  - A learner reaches only their own drafts and submissions, and only the
//    problems of the room's set; another learner's submission is "not found".
//  - Nothing here reads solutions/ or expected values for a learner, except
//    the reference and known traps of a problem that learner has passed.
//  - Every submission goes through the CheckQueue, so it is stored before
//    its id is returned.
#pragma once

#include "bank.h"
#include "check_queue.h"
#include "store.h"
#include "workspace.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace judge::server {

using nlohmann::json;

// An answer other than success: an HTTP status, a stable code for programs
// and a sentence for people.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message, int retry_after = 0)
      : std::runtime_error(message),
        status(status),
        code(std::move(code)),
        retry_after_seconds(retry_after) {}
  int status;
  std::string code;
  int retry_after_seconds;  // > 0: sent as Retry-After
};

enum class Role { kNone, kLearner, kOrganiser };

// Who is asking, as the HTTP layer established it.
struct Caller {
  Role role = Role::kNone;
  Learner learner;  // when role is kLearner
  std::string csrf;
};

struct RoomConfig {
  std::string set;          // empty: every problem of the bank, in track order
  std::string public_url;   // "http://HOST:PORT", for join links
  std::string exports_dir;  // where POST /exports writes
};

// A status and a document: 200 unless said otherwise.
struct Answer {
  int status = 200;
  json body;
};

class Room {
 public:
  static constexpr int kMaxWaitSeconds = 60;
  static constexpr std::size_t kMaxNameBytes = 100;
  static constexpr std::size_t kMaxNamesPerRequest = 500;
  // Long-polls (?wait=) one learner may hold open at once; more answer at once.
  static constexpr int kMaxWaitsPerLearner = 4;

  // Throws std::invalid_argument when the set is not in the bank.
  Room(const Workspace& workspace, const Bank& bank, Store& store, CheckQueue& queue,
       RoomConfig config);

  // Everyone.
  json session(const Caller& caller) const;
  json problems(const Caller& caller) const;
  json problem(const Caller& caller, const std::string& id) const;
  // `index` as the request gave it (64 bits), so no number wraps into range.
  json hint(const std::string& id, std::int64_t index) const;
  // `index` and the choice number are as `caller` was shown them: a learner
  // sees the choices in an order of their own (quiz_order.h).
  json quiz_answer(const Caller& caller, const std::string& id, std::int64_t index,
                   const json& body) const;
  json solution(const Caller& caller, const std::string& id) const;

  // Learners (room_learner.cpp).
  json draft(const Caller& caller, const std::string& id) const;
  json save_draft(const Caller& caller, const std::string& id, const json& body);
  Answer submit(const Caller& caller, const json& body, int wait_seconds);
  Answer submission(const Caller& caller, SubmissionId id, int wait_seconds);
  json submissions(const Caller& caller, const std::string& problem) const;

  // The organiser (room_organiser.cpp).
  Answer add_learners(const json& body);
  json learners() const;
  json heat_map() const;
  Answer export_reports() const;
  // The path of one exported file, or ApiError 404.
  std::string export_file(const std::string& name, const std::string& file) const;

  // Before serving: the address join links start with, once the port is known.
  void set_public_url(std::string url) { config_.public_url = std::move(url); }
  // Told by the queue when a check finishes: the heat map moved on.
  void on_finished() { version_.fetch_add(1); }
  const std::vector<std::string>& problem_ids() const { return problems_; }

 private:
  // The order a caller is shown a question's choices in: a learner's own
  // (seeded by their id), the bank's for the organiser.
  static std::vector<std::size_t> shown_order(const Caller& caller, const std::string& problem,
                                              std::size_t question, std::size_t choices);
  const Problem& find_problem(const std::string& id) const;  // in the room, or ApiError 404
  bool solved(LearnerId learner, const std::string& problem) const;
  json submission_document(const Submission& s, bool with_source) const;
  std::string learner_name(LearnerId id) const;

  // Holds one of a learner's wait slots for its lifetime (the organiser's are unlimited).
  class WaitSlot {
   public:
    WaitSlot(Room& room, const Caller& caller);
    ~WaitSlot();
    bool granted() const { return granted_; }

   private:
    Room& room_;
    LearnerId learner_ = 0;
    bool granted_ = false;
  };

  const Workspace& workspace_;
  const Bank& bank_;
  Store& store_;
  CheckQueue& queue_;
  RoomConfig config_;
  std::vector<std::string> problems_;  // the room's, in teaching order
  // Grows with every submission made or finished. Starts at the clock, so a
  // restarted server never repeats a version a page has seen.
  std::atomic<std::int64_t> version_;
  std::mutex waits_mutex_;
  std::map<LearnerId, int> waits_;  // open long-polls per learner
};

// Whole non-negative numbers from a path or query; ApiError 400 otherwise.
std::int64_t parse_id(const std::string& text, const char* what);
// ?wait=SECONDS: 0 when absent, at most Room::kMaxWaitSeconds.
int parse_wait(const std::string& text);
// The result document's "status" ("pass", "fail", "error"), or "" when absent.
std::string result_status(const std::string& result_json);
// A submission's place on the heat map: queued, running, passed, failed, error.
std::string cell_state(const Submission& s);

}  // namespace judge::server
