// Parses one C++ declaration from a problem file into a Signature.
#pragma once

#include "problem.h"

#include <stdexcept>
#include <string>

namespace judge {

struct SignatureError : std::runtime_error {
  SignatureError(const std::string& message, std::size_t column)
      : std::runtime_error(message), column(column) {}
  std::size_t column;  // 0-based offset into the signature text
};

struct RecordTypes;

// Accepts "T name(const U& a, V b, W& c)" with T, U, V, W from types.h.
Signature parse_signature(const std::string& text, const RecordTypes& records);

}  // namespace judge
