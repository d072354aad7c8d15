#include "auth.h"

#include "random_token.h"
#include "text.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace judge::server {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kTokenHexDigits = 64;  // 256 bits

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

}  // namespace

std::string load_or_create_organiser_token(const std::string& data_dir) {
  const fs::path path = fs::path(data_dir) / "organiser.token";
  struct stat info {};
  if (lstat(path.c_str(), &info) == 0) {
    if (!S_ISREG(info.st_mode) || (info.st_mode & 077) != 0 || info.st_uid != geteuid())
      throw std::runtime_error(path.string() +
                               " must be a regular file of yours with mode 0600; fix it or "
                               "remove it to make a new organiser token");
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string token = trim(text.str());
    if (token.size() < 32 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
      throw std::runtime_error(path.string() +
                               " does not hold an organiser token (at least 32 hex digits); "
                               "remove it to make a new one");
    return token;
  }
  const std::string token = random_token(kTokenHexDigits / 2);
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + path.string());
  const std::string line = token + "\n";
  const bool written = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                       fsync(fd) == 0;
  close(fd);
  if (!written) throw std::runtime_error("cannot write " + path.string());
  return token;
}

std::string cookie_value(const std::string& header, const std::string& name) {
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    const std::string pair = trim(header.substr(at, end - at));
    const std::size_t eq = pair.find('=');
    if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    at = end + 1;
  }
  return "";
}

bool same_secret(const std::string& a, const std::string& b) {
  // The length is no secret (every token has the same); the bytes are.
  if (a.size() != b.size() || b.empty()) return false;
  unsigned char differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    differ |= static_cast<unsigned char>(a[i] ^ b[i]);
  return differ == 0;
}

Authenticator::Authenticator(const Store& store, std::string organiser_token)
    : store_(store), organiser_token_(std::move(organiser_token)) {}

std::string Authenticator::csrf_for(const std::string& token) const {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned size = 0;
  const std::string message = "csrf:" + token;
  if (HMAC(EVP_sha256(), organiser_token_.data(), static_cast<int>(organiser_token_.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac,
           &size) == nullptr)
    throw std::runtime_error("HMAC failed");
  return to_hex(std::string(reinterpret_cast<const char*>(mac), size));
}

Caller Authenticator::for_token(const std::string& token) const {
  Caller caller;
  // Tokens are hex; anything else is nobody's, and never reaches the store.
  if (token.size() < 32 || token.size() > 128 ||
      token.find_first_not_of("0123456789abcdef") != std::string::npos)
    return caller;
  if (same_secret(token, organiser_token_)) {
    caller.role = Role::kOrganiser;
  } else if (std::optional<Learner> learner = store_.find_learner_by_token(token)) {
    caller.role = Role::kLearner;
    caller.learner = *learner;
  } else {
    return caller;
  }
  caller.csrf = csrf_for(token);
  return caller;
}

Caller Authenticator::identify(const std::string& cookie_header,
                               const std::string& authorization, bool* by_cookie) const {
  *by_cookie = false;
  const std::string bearer = "Bearer ";
  if (authorization.compare(0, bearer.size(), bearer) == 0)
    return for_token(trim(authorization.substr(bearer.size())));
  const std::string token = cookie_value(cookie_header, kSessionCookie);
  if (token.empty()) return {};
  *by_cookie = true;
  return for_token(token);
}

bool Authenticator::csrf_matches(const Caller& caller, const std::string& header) const {
  return caller.role != Role::kNone && same_secret(header, caller.csrf);
}

}  // namespace judge::server
