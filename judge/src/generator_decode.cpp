// decode_steps: KV-cache decoding cases. Each case draws fixed weights and a
// sequence of tokens; step t feeds token t and the cache that step t-1 left,
// so every step's output and the cache after it are checked.
#include "generators.h"
#include "literal.h"
#include "rng.h"
#include "span.h"

namespace judge {
namespace {

class DecodeSteps : public Generator {
 public:
  int count = 0;
  std::uint64_t seed = 0;
  Span d_model{1, 8};
  Span d_k{1, 8};
  Span d_v{1, 8};
  Span steps{1, 8};
  Span scale{1, 1};
  double default_cache = 0;                           // probability of starting from a 0 x 0 cache
  int cache = 0, x_t = 0, w_q = 0, w_k = 0, w_v = 0;  // parameter positions

  std::vector<CaseSpec> make() const override {
    std::vector<CaseSpec> out;
    for (int i = 0; i < count; ++i) {
      Rng rng(derive_seed(seed, static_cast<std::uint64_t>(i)));
      const auto size = [&](const Span& s) {
        return rng.size(static_cast<long long>(s.lo), static_cast<long long>(s.hi));
      };
      const long long dm = size(d_model), dk = size(d_k), dv = size(d_v), t = size(steps);
      const double s = rng.log_uniform(scale.lo, scale.hi);
      auto random_matrix = [&](long long rows, long long cols, ValueKind kind) {
        Value v = Value::Tensor(kind, rows, cols);
        for (double& x : v.data) x = to_float32(rng.normal() * s);
        return v;
      };
      const Value wq = random_matrix(dm, dk, ValueKind::kMatrix);
      const Value wk = random_matrix(dm, dk, ValueKind::kMatrix);
      const Value wv = random_matrix(dm, dv, ValueKind::kMatrix);
      const bool zero_by_zero = rng.uniform() < default_cache;
      CaseSpec spec;
      spec.name = "seed" + std::to_string(seed) + "_" + std::to_string(i);
      spec.origin = "generator decode_steps, seed " + std::to_string(seed) + ", case " +
                    std::to_string(i) + " (d_model=" + std::to_string(dm) +
                    ", d_k=" + std::to_string(dk) + ", d_v=" + std::to_string(dv) + ", " +
                    std::to_string(t) + " steps)";
      for (long long step = 0; step < t; ++step) {
        Step st;
        st.args.resize(5);
        if (step == 0) {
          Value c;
          c.kind = ValueKind::kRecord;
          c.field_names = {"k", "v"};
          c.fields = {Value::Tensor(ValueKind::kMatrix, 0, zero_by_zero ? 0 : dk),
                      Value::Tensor(ValueKind::kMatrix, 0, zero_by_zero ? 0 : dv)};
          st.args[static_cast<std::size_t>(cache)].value = c;
        } else {
          ArgRef& ref = st.args[static_cast<std::size_t>(cache)];
          ref.is_inline = false;
          ref.step = static_cast<std::uint32_t>(step - 1);
          ref.slot = cache;
        }
        st.args[static_cast<std::size_t>(x_t)].value = random_matrix(dm, 1, ValueKind::kVector);
        st.args[static_cast<std::size_t>(w_q)].value = wq;
        st.args[static_cast<std::size_t>(w_k)].value = wk;
        st.args[static_cast<std::size_t>(w_v)].value = wv;
        spec.steps.push_back(std::move(st));
      }
      out.push_back(std::move(spec));
    }
    return out;
  }
};

}  // namespace

std::shared_ptr<const Generator> make_decode_steps(const YamlContext& ctx, const YAML::Node& node,
                                                   const std::vector<Signature>& signatures) {
  ctx.allow_keys(
      node,
      {"generator", "count", "seed", "d_model", "d_k", "d_v", "steps", "scale", "default_cache"},
      "a decode_steps generator");
  if (signatures.size() != 1 || signatures[0].params.size() != 5)
    ctx.fail(node, "decode_steps needs one function (cache, x_t, w_q, w_k, w_v)");
  const Signature& sig = signatures[0];
  auto g = std::make_shared<DecodeSteps>();
  int* slots[] = {&g->cache, &g->x_t, &g->w_q, &g->w_k, &g->w_v};
  const char* names[] = {"cache", "x_t", "w_q", "w_k", "w_v"};
  for (int i = 0; i < 5; ++i) {
    *slots[i] = sig.param_index(names[i]);
    if (*slots[i] < 0)
      ctx.fail(node, std::string("decode_steps needs a parameter named ") + names[i]);
  }
  if (!sig.params[static_cast<std::size_t>(g->cache)].type.in_out)
    ctx.fail(node, "decode_steps needs cache to be an in-out parameter (KVCache&)");
  parse_count_and_seed(ctx, node, g->count, g->seed);
  Span* spans[] = {&g->d_model, &g->d_k, &g->d_v, &g->steps};
  const char* span_names[] = {"d_model", "d_k", "d_v", "steps"};
  for (int i = 0; i < 4; ++i) {
    if (!node[span_names[i]]) continue;
    *spans[i] = parse_span(ctx, node[span_names[i]], span_names[i]);
    if (spans[i]->lo < 0 || spans[i]->hi > 4096)
      ctx.fail(node[span_names[i]], std::string(span_names[i]) + " must be from 0 to 4096");
  }
  if (g->steps.lo < 1) ctx.fail(node["steps"], "steps must be at least 1");
  if (node["scale"]) g->scale = parse_span(ctx, node["scale"], "scale");
  if (g->scale.lo <= 0) ctx.fail(node["scale"], "scale must be > 0");
  if (node["default_cache"]) g->default_cache = ctx.number(node["default_cache"], "default_cache");
  if (!(g->default_cache >= 0 && g->default_cache <= 1))
    ctx.fail(node["default_cache"], "default_cache is a probability in [0, 1]");
  return g;
}

}  // namespace judge
