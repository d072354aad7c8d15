#include "http_server.h"

#include "report.h"
#include "store.h"

#include <httplib.h>

#include <fstream>
#include <iostream>
#include <sstream>

namespace judge::server {

const char* const kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";

namespace {

enum class Access { kSignedIn, kOrganiser };

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(dump_json(body, -1), "application/json");
}

void send_error(httplib::Response& res, const ApiError& error) {
  if (error.retry_after_seconds > 0)
    res.set_header("Retry-After", std::to_string(error.retry_after_seconds));
  send_json(res, error.status, {{"error", error.code}, {"message", error.what()}});
}

// The body as a JSON object; ApiError 400 with a sentence otherwise.
json body_object(const httplib::Request& req) {
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    throw ApiError(400, "bad_request", "the body must be a JSON object");
  return body;
}

const char* reason_code(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 404:
      return "not_found";
    case 413:
      return "too_large";
    default:
      return "internal";
  }
}

}  // namespace

HttpServer::HttpServer(Room& room, const Authenticator& auth, StaticFiles files)
    : room_(room), auth_(auth), files_(std::move(files)), http_(new httplib::Server) {
  http_->new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  http_->set_payload_max_length(kMaxBodyBytes);
  http_->set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"}});
  // Unknown routes, oversized bodies and the like: a JSON sentence for the
  // API, plain text for pages. Runs only when no handler wrote a body.
  http_->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler's own answer (httplib calls this for all >= 400)
    const std::string code = reason_code(res.status);
    const std::string sentence = res.status == 413 ? "the request body is over 1 MiB"
                                 : res.status == 404
                                     ? "there is nothing at " + req.method + " " + req.path
                                     : "the request could not be read";
    if (req.path.rfind("/api/", 0) == 0)
      send_json(res, res.status, {{"error", code}, {"message", sentence}});
    else
      res.set_content(sentence + "\n", "text/plain; charset=utf-8");
  });
  http_->set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        std::string what = "unknown";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::cerr << "judge serve: " << req.method << " " << req.path << ": " << what << "\n";
        send_json(res, 500, {{"error", "internal"}, {"message", "the server failed: " + what}});
      });
  add_routes();
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port) {
  if (port == 0) return http_->bind_to_any_port(host);
  return http_->bind_to_port(host, port) ? port : -1;
}

bool HttpServer::run() { return http_->listen_after_bind(); }

void HttpServer::stop() { http_->stop(); }

void HttpServer::add_routes() {
  using Request = httplib::Request;
  using Response = httplib::Response;
  using Handler = std::function<Answer(const Caller&, const Request&)>;

  // Every API route: who may call it, CSRF for cookie-borne changes, and
  // every failure turned into a JSON answer.
  auto api = [this](const std::string& method, const std::string& pattern, Access access,
                    Handler handler) {
    auto wrapped = [this, method, access, handler](const Request& req, Response& res) {
      try {
        bool by_cookie = false;
        const Caller caller = auth_.identify(req.get_header_value("Cookie"),
                                             req.get_header_value("Authorization"), &by_cookie);
        if (caller.role == Role::kNone)
          throw ApiError(401, "unauthorized",
                         "sign in with your join link, or send Authorization: Bearer TOKEN");
        if (access == Access::kOrganiser && caller.role != Role::kOrganiser)
          throw ApiError(403, "forbidden", "only the organiser may do this");
        if (by_cookie && method != "GET" &&
            !auth_.csrf_matches(caller, req.get_header_value(kCsrfHeader)))
          throw ApiError(403, "csrf",
                         "this change needs the X-CSRF-Token header from GET /api/v1/session");
        const Answer answer = handler(caller, req);
        send_json(res, answer.status, answer.body);
      } catch (const ApiError& error) {
        send_error(res, error);
      } catch (const StoreError& error) {
        std::cerr << "judge serve: store: " << error.what() << "\n";
        send_json(res, 503, {{"error", "unavailable"}, {"message", error.what()}});
        res.set_header("Retry-After", "5");
      }
    };
    if (method == "GET") http_->Get(pattern, wrapped);
    if (method == "POST") http_->Post(pattern, wrapped);
    if (method == "PUT") http_->Put(pattern, wrapped);
  };
  auto ok = [](json body) { return Answer{200, std::move(body)}; };
  auto match = [](const Request& req, int n) { return req.matches[n].str(); };

  api("GET", "/api/v1/session", Access::kSignedIn,
      [&](const Caller& c, const Request&) { return ok(room_.session(c)); });
  api("GET", "/api/v1/problems", Access::kSignedIn,
      [&](const Caller& c, const Request&) { return ok(room_.problems(c)); });
  api("GET", R"(/api/v1/problems/([^/]+))", Access::kSignedIn,
      [&](const Caller& c, const Request& r) { return ok(room_.problem(c, match(r, 1))); });
  api("GET", R"(/api/v1/problems/([^/]+)/hints/([^/]+))", Access::kSignedIn,
      [&](const Caller&, const Request& r) {
        return ok(room_.hint(match(r, 1), parse_id(match(r, 2), "a hint")));
      });
  api("POST", R"(/api/v1/problems/([^/]+)/quiz/([^/]+))", Access::kSignedIn,
      [&](const Caller& c, const Request& r) {
        return ok(
            room_.quiz_answer(c, match(r, 1), parse_id(match(r, 2), "a question"), body_object(r)));
      });
  api("GET", R"(/api/v1/problems/([^/]+)/solution)", Access::kSignedIn,
      [&](const Caller& c, const Request& r) { return ok(room_.solution(c, match(r, 1))); });
  api("GET", R"(/api/v1/drafts/([^/]+))", Access::kSignedIn,
      [&](const Caller& c, const Request& r) { return ok(room_.draft(c, match(r, 1))); });
  api("PUT", R"(/api/v1/drafts/([^/]+))", Access::kSignedIn,
      [&](const Caller& c, const Request& r) {
        return ok(room_.save_draft(c, match(r, 1), body_object(r)));
      });
  api("POST", "/api/v1/submissions", Access::kSignedIn, [&](const Caller& c, const Request& r) {
    return room_.submit(c, body_object(r), parse_wait(r.get_param_value("wait")));
  });
  api("GET", "/api/v1/submissions", Access::kSignedIn, [&](const Caller& c, const Request& r) {
    return ok(room_.submissions(c, r.get_param_value("problem")));
  });
  api("GET", R"(/api/v1/submissions/([^/]+))", Access::kSignedIn,
      [&](const Caller& c, const Request& r) {
        return room_.submission(c, parse_id(match(r, 1), "a submission id"),
                                parse_wait(r.get_param_value("wait")));
      });
  api("POST", "/api/v1/learners", Access::kOrganiser,
      [&](const Caller&, const Request& r) { return room_.add_learners(body_object(r)); });
  api("GET", "/api/v1/learners", Access::kOrganiser,
      [&](const Caller&, const Request&) { return ok(room_.learners()); });
  api("GET", "/api/v1/room", Access::kOrganiser,
      [&](const Caller&, const Request&) { return ok(room_.heat_map()); });
  api("POST", "/api/v1/exports", Access::kOrganiser,
      [&](const Caller&, const Request&) { return room_.export_reports(); });

  // An exported file is a download, not JSON.
  http_->Get(R"(/api/v1/exports/([^/]+)/(.+))", [this](const Request& req, Response& res) {
    try {
      bool by_cookie = false;
      const Caller caller = auth_.identify(req.get_header_value("Cookie"),
                                           req.get_header_value("Authorization"), &by_cookie);
      if (caller.role != Role::kOrganiser)
        throw ApiError(caller.role == Role::kNone ? 401 : 403,
                       caller.role == Role::kNone ? "unauthorized" : "forbidden",
                       "only the organiser may read exports");
      const std::string path = room_.export_file(req.matches[1].str(), req.matches[2].str());
      std::ifstream in(path, std::ios::binary);
      std::ostringstream content;
      content << in.rdbuf();
      // A download, never a page of this origin: report.html carries learners'
      // text and its own inline script, which belongs in a file:// tab.
      res.set_content(content.str(), "application/octet-stream");
      res.set_header("Content-Disposition", "attachment");
    } catch (const ApiError& error) {
      send_error(res, error);
    }
  });

  // Pages and their files: no credentials, nothing secret.
  auto page = [this](const std::string& name) {
    return [this, name](const Request&, Response& res) {
      if (const StaticFile* file = files_.find(name)) {
        res.set_content(file->content, file->content_type);
      } else {
        res.status = 503;
        res.set_content("the page " + name + " is missing from this build of the judge\n",
                        "text/plain; charset=utf-8");
      }
    };
  };
  http_->Get("/", page("learner.html"));
  http_->Get("/organiser", page("organiser.html"));
  http_->Get(R"(/static/([A-Za-z0-9_.-]+))", [this](const Request& req, Response& res) {
    const StaticFile* file = files_.find(req.matches[1].str());
    if (file == nullptr || req.matches[1].str().find(".html") != std::string::npos) {
      res.status = 404;
      res.set_content("no such file\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_content(file->content, file->content_type);
  });
  http_->Get("/healthz", [](const Request&, Response& res) {
    res.set_content(R"({"ok":true})", "application/json");
  });
  http_->Get(R"(/join/([^/]+))", [this](const Request& req, Response& res) {
    const std::string token = req.matches[1].str();
    const Caller caller = auth_.for_token(token);
    if (caller.role == Role::kNone) {
      res.status = 404;
      res.set_content(
          "This join link is not valid. Ask the organiser for yours.\n"
          "这个加入链接无效，请向组织者索取你的链接。\n",
          "text/plain; charset=utf-8");
      return;
    }
    // HttpOnly: no script reads it; SameSite=Strict: no other site's page
    // sends it; 30 days: a closed browser does not end a workshop.
    res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + token +
                                     "; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000");
    res.set_redirect(caller.role == Role::kOrganiser ? "/organiser" : "/", 303);
  });
}

}  // namespace judge::server
