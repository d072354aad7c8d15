// chunked_stream: online-softmax cases. A random vector is split into chunks,
// runs of chunks are folded with softmax_update, and the resulting states are
// merged in a random tree with softmax_merge, so every split and order occurs.
#include "generators.h"
#include "literal.h"
#include "rng.h"
#include "span.h"

#include <limits>

namespace judge {
namespace {

class ChunkedStream : public Generator {
 public:
  int count = 0;
  std::uint64_t seed = 0;
  Span length{1, 64};
  Span chunks{1, 4};
  Span scale{1, 1};
  Span offset{0, 0};
  double neg_inf = 0;
  double empty_chunks = 0;
  std::uint32_t update = 0;
  std::uint32_t merge = 0;

  std::vector<CaseSpec> make() const override {
    std::vector<CaseSpec> out;
    const double inf = std::numeric_limits<double>::infinity();
    for (int i = 0; i < count; ++i) {
      Rng rng(derive_seed(seed, static_cast<std::uint64_t>(i)));
      const long long n =
          rng.size(static_cast<long long>(length.lo), static_cast<long long>(length.hi));
      const double s = rng.log_uniform(scale.lo, scale.hi);
      const double shift = rng.uniform(offset.lo, offset.hi);
      std::vector<double> x(static_cast<std::size_t>(n));
      for (double& v : x) v = rng.uniform() < neg_inf ? -inf : to_float32(rng.normal() * s + shift);
      // Cut points, then chunks (some forced empty).
      const long long k =
          rng.integer(static_cast<long long>(chunks.lo), static_cast<long long>(chunks.hi));
      std::vector<std::vector<double>> pieces;
      std::size_t start = 0;
      for (long long c = 0; c < k; ++c) {
        // Leave at least one entry for each later piece while entries last, so
        // empty pieces appear only when empty_chunks asks for them.
        const std::size_t left = x.size() - start;
        const std::size_t later = static_cast<std::size_t>(k - c - 1);
        const std::size_t most = left > later ? left - later : (left > 0 ? 1 : 0);
        std::size_t take = c + 1 == k ? left
                                      : static_cast<std::size_t>(rng.integer(
                                            left > 0 ? 1 : 0, static_cast<long long>(most)));
        if (c + 1 < k && rng.uniform() < empty_chunks) take = 0;
        pieces.emplace_back(x.begin() + static_cast<long>(start),
                            x.begin() + static_cast<long>(start + take));
        start += take;
      }
      CaseSpec spec;
      spec.name = "seed" + std::to_string(seed) + "_" + std::to_string(i);
      spec.origin = "generator chunked_stream, seed " + std::to_string(seed) + ", case " +
                    std::to_string(i) + " (" + std::to_string(n) + " values in " +
                    std::to_string(k) + " chunks)";
      // Fold runs of chunks; each run starts from the empty state.
      std::vector<ArgRef> states;
      std::size_t p = 0;
      while (p < pieces.size()) {
        const std::size_t run =
            static_cast<std::size_t>(rng.integer(1, static_cast<long long>(pieces.size() - p)));
        ArgRef state;
        state.value = empty_state();
        for (std::size_t r = 0; r < run; ++r, ++p) {
          Step step;
          step.function = update;
          ArgRef chunk;
          chunk.value =
              Value::Tensor(ValueKind::kVector, static_cast<std::int64_t>(pieces[p].size()), 1);
          chunk.value.data = pieces[p];
          step.args = {state, chunk};
          spec.steps.push_back(step);
          state = step_result(spec.steps.size() - 1);
        }
        states.push_back(state);
      }
      // Merge random neighbours until one state is left; random sides.
      while (states.size() > 1) {
        const std::size_t j =
            static_cast<std::size_t>(rng.integer(0, static_cast<long long>(states.size()) - 2));
        Step step;
        step.function = merge;
        step.args = rng.uniform() < 0.5 ? std::vector<ArgRef>{states[j], states[j + 1]}
                                        : std::vector<ArgRef>{states[j + 1], states[j]};
        spec.steps.push_back(step);
        states[j] = step_result(spec.steps.size() - 1);
        states.erase(states.begin() + static_cast<long>(j) + 1);
      }
      out.push_back(std::move(spec));
    }
    return out;
  }

 private:
  static Value empty_state() {
    Value v;
    v.kind = ValueKind::kRecord;
    v.field_names = {"max", "sum"};
    v.fields = {Value::Real(-std::numeric_limits<double>::infinity()), Value::Real(0)};
    return v;
  }
  static ArgRef step_result(std::size_t step) {
    ArgRef r;
    r.is_inline = false;
    r.step = static_cast<std::uint32_t>(step);
    r.slot = -1;
    return r;
  }
};

}  // namespace

std::shared_ptr<const Generator> make_chunked_stream(const YamlContext& ctx, const YAML::Node& node,
                                                     const std::vector<Signature>& signatures) {
  ctx.allow_keys(node,
                 {"generator", "count", "seed", "length", "chunks", "scale", "offset", "neg_inf",
                  "empty_chunks"},
                 "a chunked_stream generator");
  auto g = std::make_shared<ChunkedStream>();
  bool found_update = false;
  bool found_merge = false;
  for (std::size_t i = 0; i < signatures.size(); ++i) {
    if (signatures[i].name == "softmax_update")
      g->update = static_cast<std::uint32_t>(i), found_update = true;
    if (signatures[i].name == "softmax_merge")
      g->merge = static_cast<std::uint32_t>(i), found_merge = true;
  }
  if (!found_update || !found_merge)
    ctx.fail(node, "chunked_stream needs the functions softmax_update and softmax_merge");
  parse_count_and_seed(ctx, node, g->count, g->seed);
  if (node["length"]) g->length = parse_span(ctx, node["length"], "length");
  if (node["chunks"]) g->chunks = parse_span(ctx, node["chunks"], "chunks");
  if (node["scale"]) g->scale = parse_span(ctx, node["scale"], "scale");
  if (node["offset"]) g->offset = parse_span(ctx, node["offset"], "offset");
  if (node["neg_inf"]) g->neg_inf = ctx.number(node["neg_inf"], "neg_inf");
  if (node["empty_chunks"]) g->empty_chunks = ctx.number(node["empty_chunks"], "empty_chunks");
  if (g->length.lo < 0 || g->length.hi > 1e6)
    ctx.fail(node["length"], "length must be from 0 to 1000000");
  if (g->chunks.lo < 1 || g->chunks.hi > 1000)
    ctx.fail(node["chunks"], "chunks must be from 1 to 1000");
  if (g->scale.lo <= 0) ctx.fail(node["scale"], "scale must be > 0");
  if (!(g->neg_inf >= 0 && g->neg_inf <= 1))
    ctx.fail(node["neg_inf"], "neg_inf is a probability in [0, 1]");
  if (!(g->empty_chunks >= 0 && g->empty_chunks <= 1))
    ctx.fail(node["empty_chunks"], "empty_chunks is a probability in [0, 1]");
  return g;
}

}  // namespace judge
