// Sizes written with dimension names: "n", "d-1", "h*d_h", "2*n+1".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace judge {

class DimExpr {
 public:
  // Returns nullopt if `text` is not a sum of products of names and integers.
  static std::optional<DimExpr> parse(const std::string& text);
  static DimExpr constant(long long value);
  long long eval(const std::map<std::string, long long>& dims) const;
  // Names used that `dims` does not define.
  std::vector<std::string> unknown_names(const std::map<std::string, long long>& dims) const;

 private:
  struct Term {
    int sign = 1;
    long long factor = 1;
    std::vector<std::string> names;
  };
  std::vector<Term> terms_;
};

}  // namespace judge
