// What `judge serve` keeps: learners, their drafts and their submissions,
// which double as the durable queue of checks. An interface, so that a shared
// server database can stand in for the embedded SQLite file (sqlite_store.h).
//
// Invariants every implementation keeps:
//  - Every method is safe to call from several threads at once, and from
//    several processes sharing one store.
//  - A write has reached the store (durably) before the method returns: a
//    submission whose id was returned survives a SIGKILL of the process.
//  - A submission moves queued -> running (claim_next) -> done (finish), and
//    back from running to queued only through recover(). It is done at most
//    once: its result, once written, never changes.
//  - A learner's login token is never stored, only its SHA-256.
//
// Expected refusals come back as a Status; failures of the store itself (a
// full disk, a corrupt file, a lock held past the busy timeout) throw
// StoreError.
#pragma once

#include "status.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace judge {

using LearnerId = std::int64_t;
using SubmissionId = std::int64_t;  // increases with every enqueue; never reused
using Millis = std::int64_t;        // milliseconds since the Unix epoch

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Learner {
  LearnerId id = 0;
  std::string name;  // as the organiser typed it; escape it wherever it is shown
  Millis created_ms = 0;
};

// A learner just created, with the token to hand out: the only time the store
// returns it (it keeps only the token's SHA-256).
struct NewLearner {
  Learner learner;
  std::string token;
};

struct Draft {
  std::string source;
  Millis updated_ms = 0;
};

enum class SubmissionState { kQueued, kRunning, kDone };

// "queued", "running" or "done", as the API and the database spell them.
inline const char* state_name(SubmissionState state) {
  switch (state) {
    case SubmissionState::kQueued:
      return "queued";
    case SubmissionState::kRunning:
      return "running";
    case SubmissionState::kDone:
      return "done";
  }
  return "unknown";
}

struct Submission {
  SubmissionId id = 0;
  LearnerId learner = 0;
  std::string problem;
  std::string source;
  SubmissionState state = SubmissionState::kQueued;
  Millis created_ms = 0;
  std::optional<Millis> started_ms;        // the latest claim; cleared by recover()
  std::optional<Millis> finished_ms;       // set exactly when done
  std::optional<std::string> result_json;  // set exactly when done
  int attempts = 0;  // claims so far: more than one means a server died checking it
};

class Store {
 public:
  virtual ~Store() = default;

  // Learners.
  virtual NewLearner create_learner(const std::string& name) = 0;
  // The learner whose token this is, or nothing.
  virtual std::optional<Learner> find_learner_by_token(const std::string& token) const = 0;
  virtual std::optional<Learner> find_learner(LearnerId id) const = 0;
  virtual std::vector<Learner> list_learners() const = 0;  // oldest first

  // Drafts: the editor's autosave, one per (learner, problem); a save replaces
  // the last. NotFound when there is no such learner.
  virtual Status save_draft(LearnerId learner, const std::string& problem,
                            const std::string& source) = 0;
  virtual std::optional<Draft> load_draft(LearnerId learner, const std::string& problem) const = 0;

  // Submissions. enqueue stores a queued submission and returns its id only
  // once it is stored ("stored before acknowledged"); NotFound when there is
  // no such learner (then *id is left alone).
  virtual Status enqueue(LearnerId learner, const std::string& problem, const std::string& source,
                         SubmissionId* id) = 0;
  // Atomically moves the oldest queued submission to running (counting an
  // attempt) and returns it; nothing when none is queued. Two callers, in
  // one process or in two, never claim the same submission.
  virtual std::optional<Submission> claim_next() = 0;
  // running -> done with its result. Refused unless the submission is
  // running, so a result is written exactly once; NotFound for an unknown id.
  virtual Status finish(SubmissionId id, const std::string& result_json) = 0;
  virtual std::optional<Submission> find(SubmissionId id) const = 0;
  virtual std::vector<Submission> list_for_learner(LearnerId learner) const = 0;  // newest first
  // The newest submission of each (learner, problem) pair that has one,
  // whatever its state, ordered by learner then problem: the heat map.
  virtual std::vector<Submission> latest_per_learner_and_problem() const = 0;
  // Queued plus running: for one learner, and for everyone.
  virtual int pending_count(LearnerId learner) const = 0;
  virtual int pending_count() const = 0;

  // At start-up, before any claim: every submission left running by a server
  // that died goes back to queued (its attempts kept), to be checked again.
  // Returns how many. Only for a process that knows no other live process is
  // checking submissions from this store: it would re-queue their work too.
  virtual int recover() = 0;
};

}  // namespace judge
