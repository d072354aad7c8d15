#include "random_token.h"

#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace judge {

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1)
    throw std::runtime_error("no random bytes for a token: OpenSSL's generator is not seeded");
  static const char* digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * bytes);
  for (unsigned char b : raw) {
    hex += digits[b >> 4];
    hex += digits[b & 0xf];
  }
  return hex;
}

}  // namespace judge
