// Who is asking: the session cookie a join link sets, or a bearer token; and
// the CSRF token a cookie-authenticated change must carry.
//
// Invariants:
//  - The organiser's token is compared in constant time; a learner's token
//    is looked up by its SHA-256 (the store never holds the token).
//  - A CSRF token is an HMAC of the session token under the organiser's
//    secret: it changes with the session, survives a restart, and a page of
//    another site can neither read nor compute it.
#pragma once

#include "room.h"
#include "store.h"

#include <string>

namespace judge::server {

constexpr const char* kSessionCookie = "judge_session";
constexpr const char* kCsrfHeader = "X-CSRF-Token";

// The organiser's token in DATA_DIR/organiser.token (mode 0600): read when it
// is there, so links survive a restart, else made (256 random bits). Throws
// std::runtime_error when the file is unreadable, too short or open to others.
std::string load_or_create_organiser_token(const std::string& data_dir);

class Authenticator {
 public:
  Authenticator(const Store& store, std::string organiser_token);

  // The caller named by a bearer token (preferred) or the session cookie;
  // Role::kNone when neither is present or known. `by_cookie` tells which.
  Caller identify(const std::string& cookie_header, const std::string& authorization,
                  bool* by_cookie) const;
  // The caller that `token` names, or Role::kNone.
  Caller for_token(const std::string& token) const;
  bool csrf_matches(const Caller& caller, const std::string& header) const;

 private:
  std::string csrf_for(const std::string& token) const;

  const Store& store_;
  const std::string organiser_token_;
};

// The value of cookie `name` in a Cookie header, or "".
std::string cookie_value(const std::string& header, const std::string& name);
// "a == b" without an early exit.
bool same_secret(const std::string& a, const std::string& b);

}  // namespace judge::server
