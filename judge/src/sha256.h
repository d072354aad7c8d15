// SHA-256 (FIPS 180-4), for names that learners must not be able to make
// collide on purpose. Cache keys use the cheaper Hasher in hashing.h.
#pragma once

#include <string>

namespace judge {

// The digest of `data` as 64 lowercase hex digits.
std::string sha256_hex(const std::string& data);

}  // namespace judge
