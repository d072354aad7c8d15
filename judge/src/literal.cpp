#include "literal.h"

#include "types.h"

#include <cmath>

namespace judge {
namespace {

double element(const YamlContext& ctx, const YAML::Node& node, TypeKind type,
               const std::string& what) {
  if (type == TypeKind::kMask) {
    if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false"))
      return node.Scalar() == "true" ? 1.0 : 0.0;
    const long long x = ctx.integer(node, what);
    if (x != 0 && x != 1) ctx.fail(node, what + " must be true/false or 1/0");
    return static_cast<double>(x);
  }
  if (type == TypeKind::kIntList) return static_cast<double>(ctx.integer(node, what));
  return to_float32(ctx.number(node, what));
}

// {shape: [r, c], fill: 2.5} or {shape: [n], fill: linspace, from: a, to: b}
Value parse_shaped(const YamlContext& ctx, const YAML::Node& node, TypeKind type,
                   const std::string& what) {
  ctx.allow_keys(node, {"shape", "fill", "from", "to"}, what);
  const YAML::Node shape = ctx.require(node, "shape", what);
  ctx.expect_sequence(shape, what + " shape");
  const std::size_t rank = type == TypeKind::kVector || type == TypeKind::kIntList ? 1 : 2;
  if (shape.size() != rank)
    ctx.fail(shape, what + " is " + describe_type(type) + ", so its shape has " +
                        std::to_string(rank) + (rank == 1 ? " entry" : " entries"));
  long long dims[2] = {1, 1};
  for (std::size_t i = 0; i < rank; ++i) {
    dims[i] = ctx.integer(shape[i], what + " shape");
    if (dims[i] < 0 || dims[i] > (1 << 24)) ctx.fail(shape[i], what + ": a size must be 0 or more");
  }
  const long long rows = dims[0];
  const long long cols = rank == 1 ? 1 : dims[1];
  ValueKind kind = value_kind(type);
  Value v = Value::Tensor(kind, rows, cols);
  const YAML::Node fill = node["fill"];
  if (!fill) {
    if (rows * cols != 0) ctx.fail(node, what + ": a non-empty shape needs 'fill'");
    return v;
  }
  if (fill.IsScalar() && fill.Scalar() == "linspace") {
    const double from = ctx.number(ctx.require(node, "from", what), what + " from");
    const double to = ctx.number(ctx.require(node, "to", what), what + " to");
    const double count = static_cast<double>(rows * cols);
    for (std::size_t i = 0; i < v.data.size(); ++i)
      v.data[i] =
          to_float32(count > 1 ? from + (to - from) * static_cast<double>(i) / (count - 1) : from);
    return v;
  }
  if (node["from"] || node["to"]) ctx.fail(node, what + ": 'from' and 'to' go with fill: linspace");
  const double x = element(ctx, fill, type, what + " fill");
  for (double& d : v.data) d = x;
  return v;
}

}  // namespace

double to_float32(double x) { return static_cast<double>(static_cast<float>(x)); }

Value parse_literal(const YamlContext& ctx, const YAML::Node& node, const CppType& cpp_type,
                    const std::string& what) {
  const TypeKind type = cpp_type.kind;
  const std::string expected = what + " must be " + describe_type(cpp_type);
  switch (type) {
    case TypeKind::kReal:
      if (!node.IsScalar()) ctx.fail(node, expected);
      return Value::Real(to_float32(ctx.number(node, what)));
    case TypeKind::kInteger:
      if (!node.IsScalar()) ctx.fail(node, expected);
      return Value::Integer(ctx.integer(node, what));
    case TypeKind::kVector:
    case TypeKind::kIntList: {
      if (node.IsMap()) return parse_shaped(ctx, node, type, what);
      if (!node.IsSequence()) ctx.fail(node, expected);
      Value v = Value::Tensor(value_kind(type), static_cast<std::int64_t>(node.size()), 1);
      for (std::size_t i = 0; i < node.size(); ++i) {
        if (!node[i].IsScalar()) ctx.fail(node[i], expected + " (one number per entry)");
        v.data[i] = element(ctx, node[i], type, what);
      }
      return v;
    }
    case TypeKind::kMatrix:
    case TypeKind::kMask: {
      if (node.IsMap()) return parse_shaped(ctx, node, type, what);
      if (!node.IsSequence()) ctx.fail(node, expected);
      const auto rows = static_cast<std::int64_t>(node.size());
      std::int64_t cols = -1;
      for (std::size_t r = 0; r < node.size(); ++r) {
        if (!node[r].IsSequence()) ctx.fail(node[r], expected + " (a list of rows)");
        const auto n = static_cast<std::int64_t>(node[r].size());
        if (cols >= 0 && n != cols)
          ctx.fail(node[r], what + ": row " + std::to_string(r) + " has " + std::to_string(n) +
                                " entries but row 0 has " + std::to_string(cols) +
                                "; every row needs the same length");
        cols = n;
      }
      Value v = Value::Tensor(value_kind(type), rows, cols < 0 ? 0 : cols);
      for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < v.cols; ++c)
          v.at(r, c) = element(ctx, node[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)],
                               type, what);
      return v;
    }
    case TypeKind::kRecord: {
      std::vector<std::string> names;
      for (const auto& f : cpp_type.record->fields) names.push_back(f.name);
      if (!node.IsMap()) ctx.fail(node, expected);
      ctx.allow_keys(node, names, what);
      Value v;
      v.kind = ValueKind::kRecord;
      for (const auto& f : cpp_type.record->fields) {
        v.field_names.push_back(f.name);
        v.fields.push_back(
            parse_literal(ctx, ctx.require(node, f.name, what), f.type, what + "." + f.name));
      }
      return v;
    }
  }
  ctx.fail(node, expected);
}

}  // namespace judge
