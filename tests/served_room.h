// A real `judge serve` for the server's tests: the judge binary started on a
// free loopback port with its own data folder, talked to over HTTP.
#pragma once

#include "test_support.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <vector>

namespace judge::testing {

struct Reply {
  int status = 0;  // 0: no answer at all (the connection failed)
  nlohmann::json body;  // parsed when the answer is JSON, else null
  std::string text;
  httplib::Headers headers;
  std::string header(const std::string& name) const;
};

class ServedRoom {
 public:
  // `args` are added to `judge serve` (--set softmax-basics by default).
  explicit ServedRoom(std::vector<std::string> args = {"--set", "softmax-basics"});
  ~ServedRoom();  // stops the server (SIGTERM), waits for it
  ServedRoom(const ServedRoom&) = delete;
  ServedRoom& operator=(const ServedRoom&) = delete;

  // (Re)starts the server on the same data folder and waits for its banner.
  void start();
  // SIGKILL, as a crash or an impatient organiser would; then waits for it.
  void kill_hard();
  // SIGTERM and wait; returns the exit status.
  int stop();

  const std::string& url() const { return url_; }  // "http://127.0.0.1:PORT"
  const std::string& organiser_token() const { return organiser_token_; }
  const std::string& data_dir() const { return data_.path(); }
  const std::string& banner() const { return banner_; }

  // A request with `bearer` as the token (none when empty) and extra headers.
  Reply call(const std::string& method, const std::string& path, const std::string& bearer = "",
             const std::string& body = "", const httplib::Headers& headers = {}) const;
  Reply call_json(const std::string& method, const std::string& path, const std::string& bearer,
                  const nlohmann::json& body) const {
    return call(method, path, bearer, body.dump());
  }
  // A new learner's token (made through the API by the organiser).
  std::string add_learner(const std::string& name) const;
  // POST /api/v1/submissions as `bearer`, without waiting.
  Reply submit(const std::string& bearer, const std::string& source,
               const std::string& problem = "softmax") const;
  // The submission once it is done: long-polls (?wait=) until `seconds` pass.
  Reply wait_done(const std::string& bearer, std::int64_t id, int seconds = 120) const;

 private:
  std::vector<std::string> args_;
  TempDir data_;
  pid_t pid_ = -1;
  std::string url_, organiser_token_, banner_;
};

// `path` with every byte but letters, digits, "-._~" and "/" percent-encoded.
std::string url_encode_path(const std::string& path);

// A learner-style correct and wrong softmax from the bank.
std::string correct_softmax();
std::string softmax_without_max_shift();
// A softmax that never returns: its check holds a worker until the time
// limits end it (a few seconds).
std::string endless_softmax();
// `source` with a comment no other source has, so no cache answers its check
// and it is compiled and run afresh.
std::string unique(const std::string& source);

}  // namespace judge::testing
