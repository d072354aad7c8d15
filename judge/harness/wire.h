// The byte format of the channel between the judge and the learner's process.
// Frames are a 4-byte little-endian length and a payload; payloads are written
// with Writer and read back with Reader, which never trusts a length it reads.
#pragma once

#include "value.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace judge::wire {

constexpr std::uint32_t kMaxFrame = 1u << 30;
constexpr int kRequestFd = 3;  // judge -> learner process
constexpr int kReplyFd = 4;    // learner process -> judge

struct WireError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Writer {
 public:
  void u8(std::uint8_t v) { bytes_.push_back(v); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void i64(std::int64_t v) { raw(&v, sizeof v); }
  void f64(double v) { raw(&v, sizeof v); }
  void str(const std::string& s) {
    u32(static_cast<std::uint32_t>(s.size()));
    raw(s.data(), s.size());
  }
  void value(const Value& v) {
    u8(static_cast<std::uint8_t>(v.kind));
    if (v.kind == ValueKind::kRecord) {
      u32(static_cast<std::uint32_t>(v.fields.size()));
      for (std::size_t i = 0; i < v.fields.size(); ++i) {
        str(v.field_names[i]);
        value(v.fields[i]);
      }
      return;
    }
    i64(v.rows);
    i64(v.cols);
    raw(v.data.data(), v.data.size() * sizeof(double));
  }
  const std::vector<std::uint8_t>& bytes() const { return bytes_; }

 private:
  void raw(const void* p, std::size_t n) {
    if (n == 0) return;
    const auto* b = static_cast<const std::uint8_t*>(p);
    bytes_.insert(bytes_.end(), b, b + n);
  }
  std::vector<std::uint8_t> bytes_;
};

class Reader {
 public:
  explicit Reader(const std::vector<std::uint8_t>& bytes) : bytes_(bytes) {}
  std::uint8_t u8() {
    std::uint8_t v;
    raw(&v, sizeof v);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v;
    raw(&v, sizeof v);
    return v;
  }
  std::int64_t i64() {
    std::int64_t v;
    raw(&v, sizeof v);
    return v;
  }
  double f64() {
    double v;
    raw(&v, sizeof v);
    return v;
  }
  std::string str() {
    const std::uint32_t n = u32();
    need(n);
    std::string s(reinterpret_cast<const char*>(bytes_.data() + pos_), n);
    pos_ += n;
    return s;
  }
  Value value(int depth = 0) {
    if (depth > 4) throw WireError("records nested too deeply");
    Value v;
    const std::uint8_t kind = u8();
    if (kind < 1 || kind > 7) throw WireError("unknown value kind");
    v.kind = static_cast<ValueKind>(kind);
    if (v.kind == ValueKind::kRecord) {
      const std::uint32_t n = u32();
      if (n > 64) throw WireError("record with too many fields");
      for (std::uint32_t i = 0; i < n; ++i) {
        v.field_names.push_back(str());
        v.fields.push_back(value(depth + 1));
      }
      return v;
    }
    v.rows = i64();
    v.cols = i64();
    if (v.rows < 0 || v.cols < 0 || v.rows > (1 << 28) || v.cols > (1 << 28))
      throw WireError("impossible shape");
    const auto count = static_cast<std::uint64_t>(v.rows) * static_cast<std::uint64_t>(v.cols);
    need(count * sizeof(double));
    v.data.resize(count);
    raw(v.data.data(), count * sizeof(double));
    return v;
  }
  bool done() const { return pos_ == bytes_.size(); }

 private:
  void need(std::uint64_t n) const {
    if (n > bytes_.size() - pos_) throw WireError("truncated message");
  }
  void raw(void* p, std::size_t n) {
    if (n == 0) return;  // an empty value's data() may be null, which memcpy forbids
    need(n);
    std::memcpy(p, bytes_.data() + pos_, n);
    pos_ += n;
  }
  const std::vector<std::uint8_t>& bytes_;
  std::size_t pos_ = 0;
};

// How a call ended, as the learner's process reports it.
enum class CallStatus : std::uint8_t {
  kReturned = 0,
  kInvalidArgument = 1,  // threw std::invalid_argument
  kNotImplemented = 2,   // threw not_implemented_error (an untouched stub)
  kOutOfMemory = 3,      // threw std::bad_alloc
  kOtherException = 4,   // threw anything else
};

enum class Op : std::uint8_t { kRunCase = 1, kQuit = 2 };

// Argument sources inside a request step.
enum class ArgSource : std::uint8_t { kInline = 0, kStepOutput = 1 };

}  // namespace judge::wire
