// The HTTP face of a Room (cpp-httplib): routes, who may call them, CSRF,
// security headers, the pages and their static files. Every answer of the
// API is JSON; no failure of a handler takes the server down.
#pragma once

#include "auth.h"
#include "room.h"
#include "static_files.h"

#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace judge::server {

// The Content-Security-Policy of every answer: scripts only from the judge
// itself, never inline, and nothing from any other host.
extern const char* const kContentSecurityPolicy;

class HttpServer {
 public:
  static constexpr std::size_t kMaxBodyBytes = 1u << 20;
  static constexpr int kThreads = 64;  // long-polls (?wait=) hold one each

  HttpServer(Room& room, const Authenticator& auth, StaticFiles files);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds; port 0 takes a free one. Returns the port, or -1 when it cannot.
  int bind(const std::string& host, int port);
  // Serves until stop(); false when it could not.
  bool run();
  void stop();

 private:
  void add_routes();

  Room& room_;
  const Authenticator& auth_;
  const StaticFiles files_;
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace judge::server
