// Secrets to hand out (login tokens, later session and CSRF tokens): random
// bytes from OpenSSL's CSPRNG, as lowercase hex.
#pragma once

#include <cstddef>
#include <string>

namespace judge {

// 2 * `bytes` hex digits; the default is 256 bits, well past guessing.
// Throws std::runtime_error if the generator cannot be seeded.
std::string random_token(std::size_t bytes = 32);

}  // namespace judge
