// The outcome of an operation that may be refused for a reason the caller
// expects and handles (an unknown id, a record in the wrong state), in the
// style of LevelDB's Status: ok, or a code and one sentence why. Failures the
// caller cannot handle (a broken disk, a corrupt file) are exceptions instead.
#pragma once

#include <string>
#include <utility>

namespace judge {

class Status {
 public:
  enum class Code { kOk, kNotFound, kRefused };

  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status NotFound(std::string why) { return Status(Code::kNotFound, std::move(why)); }
  static Status Refused(std::string why) { return Status(Code::kRefused, std::move(why)); }

  bool ok() const { return code_ == Code::kOk; }
  bool not_found() const { return code_ == Code::kNotFound; }
  bool refused() const { return code_ == Code::kRefused; }
  Code code() const { return code_; }
  // Empty when ok; otherwise one sentence naming the record.
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace judge
