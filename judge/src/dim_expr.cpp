#include "dim_expr.h"

#include <cctype>

namespace judge {

std::optional<DimExpr> DimExpr::parse(const std::string& text) {
  DimExpr e;
  Term term;
  bool expect_operand = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ') {
      ++i;
    } else if (expect_operand && e.terms_.empty() && term.names.empty() && term.factor == 1 &&
               term.sign == 1 && (c == '-' || c == '+')) {
      term.sign = c == '-' ? -1 : 1;  // a leading sign: "-1000"
      ++i;
    } else if (expect_operand && std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      term.factor *= std::stoll(text.substr(i, j - i));
      i = j;
      expect_operand = false;
    } else if (expect_operand && (std::isalpha(static_cast<unsigned char>(c)) || c == '_')) {
      std::size_t j = i;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
        ++j;
      term.names.push_back(text.substr(i, j - i));
      i = j;
      expect_operand = false;
    } else if (!expect_operand && c == '*') {
      expect_operand = true;
      ++i;
    } else if (!expect_operand && (c == '+' || c == '-')) {
      e.terms_.push_back(term);
      term = Term{};
      term.sign = c == '-' ? -1 : 1;
      expect_operand = true;
      ++i;
    } else {
      return std::nullopt;
    }
  }
  if (expect_operand) return std::nullopt;
  e.terms_.push_back(term);
  return e;
}

DimExpr DimExpr::constant(long long value) {
  DimExpr e;
  Term t;
  t.factor = value;
  e.terms_.push_back(t);
  return e;
}

long long DimExpr::eval(const std::map<std::string, long long>& dims) const {
  long long total = 0;
  for (const Term& t : terms_) {
    long long product = t.factor;
    for (const std::string& name : t.names) product *= dims.at(name);
    total += t.sign * product;
  }
  return total;
}

std::vector<std::string> DimExpr::unknown_names(
    const std::map<std::string, long long>& dims) const {
  std::vector<std::string> out;
  for (const Term& t : terms_)
    for (const std::string& name : t.names)
      if (dims.count(name) == 0) out.push_back(name);
  return out;
}

}  // namespace judge
