#include "signature.h"

#include "records.h"
#include "types.h"

#include <cctype>

namespace judge {
namespace {

bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\n");
  return s.substr(b, e - b + 1);
}

// "const Eigen::MatrixXf& x" -> type and name; offset locates errors.
Param parse_param(const std::string& raw, std::size_t offset, const RecordTypes& records) {
  std::string text = trim(raw);
  Param p;
  const auto name_start = text.find_last_of(" &");
  if (name_start == std::string::npos)
    throw SignatureError("parameter '" + text + "' needs a type and a name", offset);
  p.name = trim(text.substr(name_start + 1));
  if (!is_identifier(p.name))
    throw SignatureError("parameter name '" + p.name + "' is not an identifier", offset);
  std::string type = trim(text.substr(0, name_start + 1));
  bool is_const = false;
  if (type.rfind("const ", 0) == 0) {
    is_const = true;
    type = trim(type.substr(6));
  }
  bool is_ref = false;
  if (!type.empty() && type.back() == '&') {
    is_ref = true;
    type = trim(type.substr(0, type.size() - 1));
  }
  const auto parsed = type_from_spelling(type, &records);
  if (!parsed)
    throw SignatureError(
        "unknown parameter type '" + type + "'; use one of " + type_list_for_humans(&records),
        offset);
  p.type = *parsed;
  p.type.in_out = is_ref && !is_const;
  p.type.by_reference = is_ref;
  return p;
}

}  // namespace

int Signature::param_index(const std::string& wanted) const {
  for (std::size_t i = 0; i < params.size(); ++i)
    if (params[i].name == wanted) return static_cast<int>(i);
  return -1;
}

Signature parse_signature(const std::string& text, const RecordTypes& records) {
  Signature sig;
  sig.text = trim(text);
  const auto open = sig.text.find('(');
  const auto close = sig.text.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open ||
      trim(sig.text.substr(close + 1)) != "")
    throw SignatureError(
        "a signature looks like \"Eigen::VectorXf softmax(const Eigen::VectorXf& x)\"", 0);
  const std::string head = trim(sig.text.substr(0, open));
  const auto split = head.find_last_of(' ');
  if (split == std::string::npos)
    throw SignatureError("the signature needs a result type before the function name", 0);
  sig.name = trim(head.substr(split + 1));
  if (!is_identifier(sig.name))
    throw SignatureError("function name '" + sig.name + "' is not an identifier", split + 1);
  const std::string result = trim(head.substr(0, split));
  const auto parsed = type_from_spelling(result, &records);
  if (!parsed)
    throw SignatureError(
        "unknown result type '" + result + "'; use one of " + type_list_for_humans(&records), 0);
  sig.result = *parsed;

  // Split the parameter list on commas outside template brackets.
  const std::string list = sig.text.substr(open + 1, close - open - 1);
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= list.size(); ++i) {
    const char c = i < list.size() ? list[i] : ',';
    if (c == '<') ++depth;
    if (c == '>') --depth;
    if (c == ',' && depth == 0) {
      const std::string piece = list.substr(start, i - start);
      if (!trim(piece).empty() || i < list.size())
        sig.params.push_back(parse_param(piece, open + 1 + start, records));
      start = i + 1;
    }
  }
  for (std::size_t i = 0; i < sig.params.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (sig.params[i].name == sig.params[j].name)
        throw SignatureError("parameter '" + sig.params[i].name + "' appears twice", open + 1);
  return sig;
}

}  // namespace judge
