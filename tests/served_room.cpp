#include "served_room.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace judge::testing {

std::string Reply::header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
  return "";
}

ServedRoom::ServedRoom(std::vector<std::string> args) : args_(std::move(args)) { start(); }

ServedRoom::~ServedRoom() { stop(); }

void ServedRoom::start() {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
  std::vector<std::string> argv{JUDGE_BINARY, "serve", "--port", "0", "--data", data_.path()};
  // Two workers unless the test chose (CLI11 refuses --workers given twice).
  if (std::find(args_.begin(), args_.end(), "--workers") == args_.end())
    argv.insert(argv.end(), {"--workers", "2"});
  argv.insert(argv.end(), args_.begin(), args_.end());
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], 1);
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  close(out[1]);
  // The banner ends with the line on who can reach the room (after the
  // optional "Recovered:" a restart test reads); the server may first build
  // the toolchain, which takes a while on a cold cache.
  banner_.clear();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(180);
  const auto complete = [this] {
    auto last = banner_.find("Only this machine");
    if (last == std::string::npos) last = banner_.find("Warning: anyone");
    return last != std::string::npos && banner_.find('\n', last) != std::string::npos;
  };
  while (!complete()) {
    pollfd p{out[0], POLLIN, 0};
    if (std::chrono::steady_clock::now() > deadline || poll(&p, 1, 1000) < 0) break;
    if (!(p.revents & (POLLIN | POLLHUP))) continue;
    char buffer[4096];
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    banner_.append(buffer, n);
  }
  close(out[0]);
  const auto room = banner_.find("Room:");
  const auto join = banner_.find("/join/");
  if (room == std::string::npos || join == std::string::npos)
    throw std::runtime_error("judge serve did not start; it printed:\n" + banner_);
  const auto begin = banner_.find("http://", room);
  url_ = banner_.substr(begin, banner_.find('/', begin + 7) - begin);
  organiser_token_ = banner_.substr(join + 6, banner_.find('\n', join) - join - 6);
}

void ServedRoom::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

int ServedRoom::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

Reply ServedRoom::call(const std::string& method, const std::string& path,
                       const std::string& bearer, const std::string& body,
                       const httplib::Headers& headers) const {
  httplib::Client client(url_);
  client.set_read_timeout(120, 0);
  httplib::Headers all = headers;
  if (!bearer.empty()) all.emplace("Authorization", "Bearer " + bearer);
  httplib::Result result =
      method == "GET"    ? client.Get(path.c_str(), all)
      : method == "POST" ? client.Post(path.c_str(), all, body, "application/json")
      : method == "PUT"  ? client.Put(path.c_str(), all, body, "application/json")
                         : client.Delete(path.c_str(), all, body, "application/json");
  Reply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.text = result->body;
  reply.headers = result->headers;
  reply.body = nlohmann::json::parse(result->body, nullptr, false);
  if (reply.body.is_discarded()) reply.body = nullptr;
  return reply;
}

std::string ServedRoom::add_learner(const std::string& name) const {
  const Reply r = call_json("POST", "/api/v1/learners", organiser_token_, {{"name", name}});
  if (r.status != 201) throw std::runtime_error("cannot add a learner: " + r.text);
  return r.body["token"].get<std::string>();
}

Reply ServedRoom::submit(const std::string& bearer, const std::string& source,
                         const std::string& problem) const {
  return call_json("POST", "/api/v1/submissions", bearer,
                   {{"problem", problem}, {"source", source}});
}

Reply ServedRoom::wait_done(const std::string& bearer, std::int64_t id, int seconds) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  const std::string path = "/api/v1/submissions/" + std::to_string(id) + "?wait=60";
  Reply reply = call("GET", path, bearer);
  while (reply.status == 200 && reply.body["state"] != "done" &&
         std::chrono::steady_clock::now() < deadline)
    reply = call("GET", path, bearer);
  return reply;
}

std::string correct_softmax() {
  return read_text(source_dir() + "/solutions/softmax/correct/float_loops.cpp");
}

std::string softmax_without_max_shift() {
  return read_text(source_dir() + "/solutions/softmax/wrong/no_max_shift.cpp");
}

std::string url_encode_path(const std::string& path) {
  static const char* digits = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::strchr("-._~/", c) != nullptr) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += digits[byte >> 4];
      encoded += digits[byte & 0xf];
    }
  }
  return encoded;
}

std::string endless_softmax() {
  return "#include \"exercise.h\"\n"
         "Eigen::VectorXf softmax(const Eigen::VectorXf& x) {\n"
         "  volatile bool forever = true;  // volatile: the loop is not optimised away\n"
         "  while (forever) {\n"
         "  }\n"
         "  return x;\n"
         "}\n";
}

std::string unique(const std::string& source) {
  static std::atomic<int> count{0};
  return source + "\n// unique " + std::to_string(getpid()) + "-" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "-" +
         std::to_string(count++) + "\n";
}

}  // namespace judge::testing
