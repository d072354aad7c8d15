#include "worked_example.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace judge {
namespace {

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '.';
}

// True when `text` occurs in `prose` as a number of its own: "16" is not in
// "167" or "0.16", "0.5" is not in "-0.5", but "1.4185398." ends a sentence.
bool prints(const std::string& prose, const std::string& text) {
  for (std::size_t at = prose.find(text); at != std::string::npos; at = prose.find(text, at + 1)) {
    const std::size_t end = at + text.size();
    const char before = at > 0 ? prose[at - 1] : ' ';
    const char after = end < prose.size() ? prose[end] : ' ';
    const char after_next = end + 1 < prose.size() ? prose[end + 1] : ' ';
    if (is_number_char(before) || (before == '-' && text[0] != '-')) continue;
    if (after == '.' ? after_next >= '0' && after_next <= '9' : is_number_char(after)) continue;
    return true;
  }
  return false;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The written number, with YAML's and the literal parser's spellings of inf and nan.
double written_value(const std::string& text) {
  const std::string t = lower(text);
  const double inf = HUGE_VAL;
  if (t == "inf" || t == "+inf" || t == ".inf" || t == "+.inf") return inf;
  if (t == "-inf" || t == "-.inf") return -inf;
  if (t == "nan" || t == ".nan") return std::nan("");
  if (t == "true") return 1;
  if (t == "false") return 0;
  return std::strtod(text.c_str(), nullptr);
}

// Digits after the decimal point (before any exponent), and the exponent.
void precision(const std::string& text, int& decimals, int& exponent) {
  decimals = 0;
  exponent = 0;
  const std::size_t e = lower(text).find('e');
  const std::size_t dot = text.find('.');
  if (dot != std::string::npos && dot < e)
    decimals = static_cast<int>((e == std::string::npos ? text.size() : e) - dot - 1);
  if (e != std::string::npos) exponent = std::atoi(text.c_str() + e + 1);
}

std::string show(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  return fmt::format("{:.10g}", x);
}

class Checker {
 public:
  Checker(const Problem& p, std::vector<std::string>& out)
      : p_(p),
        ex_(*p.example),
        out_(out),
        where_(fmt::format("{}:{}:{}: ", p.file, ex_.line, ex_.column)) {}

  void value(const Value& want, const Value& got, const std::string& at) {
    if (want.kind == ValueKind::kRecord || got.kind == ValueKind::kRecord) {
      record(want, got, at);
      return;
    }
    if (want.kind != got.kind || want.rows != got.rows || want.cols != got.cols) {
      fail("the worked example's output" + in(at) + " is " + describe(want) +
           " but the reference returns " + describe(got));
      skip(want);
      return;
    }
    for (std::size_t i = 0; i < want.data.size(); ++i) {
      std::string entry = "entry ";
      if (want.kind == ValueKind::kMatrix || want.kind == ValueKind::kMask)
        entry += fmt::format("[{}][{}]", i / static_cast<std::size_t>(want.cols),
                             i % static_cast<std::size_t>(want.cols));
      else if (want.kind != ValueKind::kReal && want.kind != ValueKind::kInteger)
        entry += fmt::format("[{}]", i);
      else
        entry.clear();
      number(want.kind, got.data[i], join(at, entry));
    }
  }

  // Numbers never compared (a shape mismatch) must still be in the prose.
  void rest() {
    for (; next_ < ex_.written.size(); ++next_) in_prose(ex_.written[next_], "");
  }

 private:
  void record(const Value& want, const Value& got, const std::string& at) {
    if (want.kind != got.kind) {
      fail("the worked example's output" + in(at) + " is " + describe(want) +
           " but the reference returns " + describe(got));
      skip(want);
      return;
    }
    for (std::size_t i = 0; i < want.fields.size(); ++i) {
      const std::string& name = want.field_names[i];
      const Value* field = got.field(name);
      if (field == nullptr) {
        fail("the worked example's output has a field " + name + " the reference's result lacks");
        skip(want.fields[i]);
        continue;
      }
      value(want.fields[i], *field, join(at, "field " + name));
    }
    for (const std::string& name : got.field_names)
      if (want.field(name) == nullptr)
        fail("the worked example's output lacks the field " + name + in(at));
  }

  // `kind` is the whole value's: integers, integer lists and masks are exact.
  void number(ValueKind kind, double got, const std::string& at) {
    if (next_ >= ex_.written.size()) {  // only a hand-made WorkedExample can lack them
      fail("the worked example has no written text for" + (at.empty() ? " its output" : " " + at));
      return;
    }
    const std::string& text = ex_.written[next_++];
    in_prose(text, at);
    const double want = written_value(text);
    bool ok = false;
    std::string rounded;
    const bool exact =
        kind == ValueKind::kInteger || kind == ValueKind::kIntList || kind == ValueKind::kMask;
    if (exact) {
      ok = want == got;
    } else if (std::isnan(want) || std::isinf(want)) {
      ok = std::isnan(want) ? std::isnan(got) : want == got;
    } else if (std::isfinite(got)) {
      int decimals = 0;
      int exponent = 0;
      precision(text, decimals, exponent);
      const double half_unit = 0.5 * std::pow(10.0, exponent - decimals);
      ok = std::fabs(want - got) <= half_unit + 1e-6 * std::fabs(got);
      if (exponent == 0) rounded = fmt::format(" ({:.{}f} to the digits written)", got, decimals);
    }
    if (!ok)
      fail("the worked example says " + text + (at.empty() ? "" : " at " + at) +
           " but the reference computes " + show(got) + rounded);
  }

  void in_prose(const std::string& text, const std::string& at) {
    const std::string which = at.empty() ? "" : " (" + at + ")";
    if (!prints(p_.statement.en, text))
      fail("the worked example's " + text + which + " is not printed in the en statement");
    if (!prints(p_.statement.zh, text))
      fail("the worked example's " + text + which + " is not printed in the zh statement");
  }

  void skip(const Value& v) {
    if (v.kind == ValueKind::kRecord) {
      for (const Value& f : v.fields) skip(f);
      return;
    }
    for (std::size_t i = 0; i < v.data.size() && next_ < ex_.written.size(); ++i)
      in_prose(ex_.written[next_++], "");
  }

  static std::string describe(const Value& v) {
    switch (v.kind) {
      case ValueKind::kReal:
        return "a number";
      case ValueKind::kInteger:
        return "an integer";
      case ValueKind::kVector:
      case ValueKind::kIntList:
        return fmt::format("a vector of {} entries", v.rows);
      case ValueKind::kMatrix:
      case ValueKind::kMask:
        return fmt::format("a {} x {} matrix", v.rows, v.cols);
      case ValueKind::kRecord:
        return "a record";
    }
    return "a value";
  }
  static std::string join(const std::string& a, const std::string& b) {
    return a.empty() || b.empty() ? a + b : a + " " + b;
  }
  static std::string in(const std::string& at) { return at.empty() ? "" : " (" + at + ")"; }
  void fail(const std::string& message) { out_.push_back(where_ + message); }

  const Problem& p_;
  const WorkedExample& ex_;
  std::vector<std::string>& out_;
  std::string where_;
  std::size_t next_ = 0;
};

}  // namespace

std::vector<std::string> check_worked_example(const Problem& problem, const Value& computed) {
  std::vector<std::string> out;
  if (!problem.example) {
    out.push_back(problem.file +
                  ": there is no example: key naming the statement's worked "
                  "example and its output");
    return out;
  }
  Checker checker(problem, out);
  checker.value(problem.example->output, computed, "");
  checker.rest();
  return out;
}

}  // namespace judge
