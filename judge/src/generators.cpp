#include "generators.h"

#include "dim_expr.h"
#include "literal.h"
#include "rng.h"
#include "span.h"
#include "types.h"

#include <cmath>
#include <limits>
#include <map>

namespace judge {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double draw(Rng& rng, const Span& s, bool log_scale) {
  return log_scale ? rng.log_uniform(s.lo, s.hi) : rng.uniform(s.lo, s.hi);
}

DimExpr parse_dim(const YamlContext& ctx, const YAML::Node& node,
                  const std::map<std::string, long long>& dims, const std::string& what) {
  if (!node.IsScalar())
    ctx.fail(node, what + " must be a size: an integer or a name like n or d-1");
  const auto e = DimExpr::parse(node.Scalar());
  if (!e)
    ctx.fail(node, what + ": '" + node.Scalar() + "' is not a size expression (n, d-1, h*d_h)");
  const auto unknown = e->unknown_names(dims);
  if (!unknown.empty())
    ctx.fail(node, what + ": '" + unknown.front() + "' is not one of this generator's dims");
  return *e;
}

// How to fill one argument of a `random` case.
struct ArgPlan {
  int param = 0;
  TypeKind type = TypeKind::kReal;
  std::vector<DimExpr> shape;
  std::string dist = "normal";
  Span scale{1, 1};
  Span range{0, 1};
  DimExpr int_lo = DimExpr::constant(0);
  DimExpr int_hi = DimExpr::constant(0);
  Span offset{0, 0};
  double p = 0.5;
  double neg_inf = 0;
  double value = 0;
};

double sample_entry(Rng& rng, const ArgPlan& a, double scale, double offset,
                    const std::map<std::string, long long>& dims) {
  if (a.type == TypeKind::kMask) return rng.uniform() < a.p ? 1.0 : 0.0;
  if (a.type == TypeKind::kIntList || a.type == TypeKind::kInteger) {
    if (a.dist == "value") return a.value;
    return static_cast<double>(rng.integer(a.int_lo.eval(dims), a.int_hi.eval(dims)));
  }
  if (a.neg_inf > 0 && rng.uniform() < a.neg_inf) return -kInf;
  double x = 0;
  if (a.dist == "normal")
    x = rng.normal() * scale;
  else if (a.dist == "uniform")
    x = rng.uniform(a.range.lo, a.range.hi);
  else if (a.dist == "log_uniform")
    x = rng.log_uniform(a.range.lo, a.range.hi);
  else
    x = a.value;
  return to_float32(x + offset);
}

class RandomGenerator : public Generator {
 public:
  int count = 0;
  std::uint64_t seed = 0;
  std::vector<std::pair<std::string, Span>> dims;
  std::vector<ArgPlan> args;
  std::size_t arity = 0;

  std::vector<CaseSpec> make() const override {
    std::vector<CaseSpec> out;
    for (int i = 0; i < count; ++i) {
      const std::uint64_t case_seed = derive_seed(seed, static_cast<std::uint64_t>(i));
      Rng rng(case_seed);
      std::map<std::string, long long> sizes;
      std::string shape_text;
      for (const auto& [name, span] : dims) {
        sizes[name] = rng.size(static_cast<long long>(span.lo), static_cast<long long>(span.hi));
        shape_text += (shape_text.empty() ? "" : ", ") + name + "=" + std::to_string(sizes[name]);
      }
      Step step;
      step.args.resize(arity);
      for (const ArgPlan& a : args) {
        const double scale = draw(rng, a.scale, true);
        const double offset = draw(rng, a.offset, false);
        Value v;
        if (a.shape.empty()) {
          v = a.type == TypeKind::kInteger ? Value::Integer(0) : Value::Real(0);
          v.data[0] = sample_entry(rng, a, scale, offset, sizes);
        } else {
          const long long rows = a.shape[0].eval(sizes);
          const long long cols = a.shape.size() > 1 ? a.shape[1].eval(sizes) : 1;
          v = Value::Tensor(value_kind(a.type), rows < 0 ? 0 : rows, cols < 0 ? 0 : cols);
          for (double& x : v.data) x = sample_entry(rng, a, scale, offset, sizes);
        }
        step.args[static_cast<std::size_t>(a.param)].value = std::move(v);
      }
      CaseSpec c;
      c.name = "seed" + std::to_string(seed) + "_" + std::to_string(i);
      c.origin = "generator random, seed " + std::to_string(seed) + ", case " + std::to_string(i) +
                 (shape_text.empty() ? "" : " (" + shape_text + ")");
      c.steps.push_back(std::move(step));
      out.push_back(std::move(c));
    }
    return out;
  }
};

ArgPlan parse_arg_plan(const YamlContext& ctx, const YAML::Node& node, const Param& param,
                       int index, const std::map<std::string, long long>& dims) {
  const std::string what = "the generated argument '" + param.name + "'";
  ctx.allow_keys(node, {"shape", "dist", "scale", "range", "offset", "p", "neg_inf", "value"},
                 what);
  ArgPlan a;
  a.param = index;
  a.type = param.type.kind;
  switch (a.type) {
    case TypeKind::kReal:
    case TypeKind::kInteger:
      break;
    case TypeKind::kVector:
    case TypeKind::kIntList:
    case TypeKind::kMatrix:
    case TypeKind::kMask: {
      const YAML::Node shape = ctx.require(node, "shape", what);
      ctx.expect_sequence(shape, what + " shape");
      const std::size_t rank = a.type == TypeKind::kVector || a.type == TypeKind::kIntList ? 1 : 2;
      if (shape.size() != rank)
        ctx.fail(shape, what + " is " + describe_type(a.type) + ": its shape has " +
                            std::to_string(rank) + " entries");
      for (const auto& s : shape) a.shape.push_back(parse_dim(ctx, s, dims, what + " shape"));
      break;
    }
    default:
      ctx.fail(node, what + ": the random generator cannot make " + describe_type(a.type) +
                         "; write such cases by hand or use a dedicated generator");
  }
  if (node["value"]) {
    a.dist = "value";
    a.value = a.type == TypeKind::kReal ? to_float32(ctx.number(node["value"], what + " value"))
                                        : static_cast<double>(ctx.integer(node["value"], what));
    return a;
  }
  const bool integral = a.type == TypeKind::kInteger || a.type == TypeKind::kIntList;
  a.dist = node["dist"] ? ctx.text(node["dist"], what + " dist")
                        : (a.type == TypeKind::kMask ? "bernoulli"
                           : integral                ? "uniform"
                                                     : "normal");
  const std::vector<std::string> allowed =
      a.type == TypeKind::kMask ? std::vector<std::string>{"bernoulli"}
      : integral                ? std::vector<std::string>{"uniform"}
                                : std::vector<std::string>{"normal", "uniform", "log_uniform"};
  bool ok = false;
  for (const auto& d : allowed) ok = ok || d == a.dist;
  if (!ok) {
    std::string list;
    for (const auto& d : allowed) list += (list.empty() ? "" : ", ") + d;
    ctx.fail(node["dist"],
             what + ": dist must be one of " + list + " for " + describe_type(a.type));
  }
  if (node["p"]) {
    a.p = ctx.number(node["p"], what + " p");
    if (!(a.p >= 0 && a.p <= 1)) ctx.fail(node["p"], what + ": p is a probability in [0, 1]");
  }
  if (node["neg_inf"]) {
    a.neg_inf = ctx.number(node["neg_inf"], what + " neg_inf");
    if (!(a.neg_inf >= 0 && a.neg_inf <= 1))
      ctx.fail(node["neg_inf"], what + ": neg_inf is a probability in [0, 1]");
  }
  if (node["scale"]) {
    a.scale = parse_span(ctx, node["scale"], what + " scale");
    if (a.scale.lo <= 0) ctx.fail(node["scale"], what + ": scale must be > 0");
  }
  if (node["offset"]) a.offset = parse_span(ctx, node["offset"], what + " offset");
  if (a.dist == "uniform" || a.dist == "log_uniform") {
    const YAML::Node range = ctx.require(node, "range", what);
    if (!range.IsSequence() || range.size() != 2) ctx.fail(range, what + ": range is [lo, hi]");
    if (integral) {
      a.int_lo = parse_dim(ctx, range[0], dims, what + " range");
      a.int_hi = parse_dim(ctx, range[1], dims, what + " range");
    } else {
      a.range = parse_span(ctx, range, what + " range");
      if (a.dist == "log_uniform" && a.range.lo <= 0)
        ctx.fail(range, what + ": a log_uniform range must be positive");
    }
  }
  return a;
}

std::shared_ptr<const Generator> parse_random(const YamlContext& ctx, const YAML::Node& node,
                                              const std::vector<Signature>& signatures) {
  ctx.allow_keys(node, {"generator", "count", "seed", "dims", "args"}, "a random generator");
  if (signatures.size() != 1)
    ctx.fail(node, "the random generator makes one-call cases; this problem has several functions");
  const Signature& sig = signatures.front();
  auto g = std::make_shared<RandomGenerator>();
  parse_count_and_seed(ctx, node, g->count, g->seed);
  std::map<std::string, long long> known;
  if (node["dims"]) {
    ctx.expect_map(node["dims"], "dims");
    for (const auto& entry : node["dims"]) {
      const std::string name = entry.first.as<std::string>();
      const Span s = parse_span(ctx, entry.second, "dim '" + name + "'");
      if (s.lo < 0 || std::floor(s.lo) != s.lo || std::floor(s.hi) != s.hi || s.hi > (1 << 24))
        ctx.fail(entry.second, "dim '" + name + "' must be whole numbers from 0 to 16777216");
      g->dims.emplace_back(name, s);
      known[name] = 1;
    }
  }
  const YAML::Node args = ctx.require(node, "args", "a generator");
  std::vector<std::string> names;
  for (const auto& p : sig.params) names.push_back(p.name);
  ctx.allow_keys(args, names, "the generated arguments of " + sig.name);
  for (std::size_t i = 0; i < sig.params.size(); ++i) {
    const YAML::Node a = args[sig.params[i].name];
    if (!a)
      ctx.fail(args,
               "the generator must give every argument; '" + sig.params[i].name + "' is missing");
    g->args.push_back(parse_arg_plan(ctx, a, sig.params[i], static_cast<int>(i), known));
  }
  g->arity = sig.params.size();
  return g;
}

}  // namespace

std::shared_ptr<const Generator> make_chunked_stream(const YamlContext& ctx, const YAML::Node& node,
                                                     const std::vector<Signature>& signatures);

std::shared_ptr<const Generator> make_decode_steps(const YamlContext& ctx, const YAML::Node& node,
                                                   const std::vector<Signature>& signatures);

std::shared_ptr<const Generator> parse_generator(const YamlContext& ctx, const YAML::Node& node,
                                                 const std::vector<Signature>& signatures) {
  ctx.expect_map(node, "a generator");
  const std::string name = ctx.text(ctx.require(node, "generator", "a generator"), "generator");
  if (name == "random") return parse_random(ctx, node, signatures);
  if (name == "chunked_stream") return make_chunked_stream(ctx, node, signatures);
  if (name == "decode_steps") return make_decode_steps(ctx, node, signatures);
  const std::string guess = closest_match(name, {"random", "chunked_stream", "decode_steps"});
  ctx.fail(node["generator"], "unknown generator '" + name + "'" +
                                  (guess.empty() ? "; known: random, chunked_stream, decode_steps"
                                                 : "; did you mean '" + guess + "'?"));
}

}  // namespace judge
