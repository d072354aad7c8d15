// Content hashes for cache keys and the grading journal: SHA-256 (OpenSSL's),
// because a key stands for the bytes it was computed from. A learner who
// could make two files share a key could have a wrong file graded with a
// right file's result.
#pragma once

#include <openssl/evp.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

namespace judge {

class Hasher {
 public:
  Hasher() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
      throw std::runtime_error("SHA-256 is not available");
  }
  // Each piece is length-prefixed, so ("ab", "c") and ("a", "bc") differ.
  Hasher& add(const std::string& s) {
    const std::uint64_t size = s.size();
    EVP_DigestUpdate(ctx_.get(), &size, sizeof size);
    EVP_DigestUpdate(ctx_.get(), s.data(), s.size());
    return *this;
  }
  // 32 hex digits (128 bits of the digest): short enough for file names.
  std::string hex() const {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> copy(EVP_MD_CTX_new(),
                                                                       &EVP_MD_CTX_free);
    EVP_MD_CTX_copy_ex(copy.get(), ctx_.get());
    EVP_DigestFinal_ex(copy.get(), digest, &length);
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (unsigned i = 0; i < 16 && i < length; ++i) {
      s += digits[digest[i] >> 4];
      s += digits[digest[i] & 0xf];
    }
    return s;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

// The whole SHA-256 of `text`, 64 hex digits.
inline std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 is not available");
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (unsigned i = 0; i < length; ++i) {
    hex += digits[digest[i] >> 4];
    hex += digits[digest[i] & 0xf];
  }
  return hex;
}

inline bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

// A suffix for a temporary file that no other process or thread of the judge
// uses at the same time (grading checks several files at once).
inline std::string unique_suffix() {
  static std::atomic<unsigned> counter{0};
  return std::to_string(getpid()) + "-" + std::to_string(counter++);
}

}  // namespace judge
