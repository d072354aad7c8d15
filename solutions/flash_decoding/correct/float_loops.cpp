// Plain float loops in two stages: every non-empty chunk gives (lse, partial
// output); the merge factors out the largest lse. Empty chunks are never
// recorded.
// expect: accepted
#include "exercise.h"

#include <vector>

VectorXf flash_decoding(const VectorXf& q, const MatrixXf& k, const MatrixXf& v, int num_splits) {
  if (num_splits < 1) throw std::invalid_argument("flash_decoding: num_splits < 1");
  if (q.size() != k.cols()) throw std::invalid_argument("flash_decoding: q does not fit k");
  if (k.rows() != v.rows()) throw std::invalid_argument("flash_decoding: k and v differ");
  const long m = k.rows(), dk = k.cols(), dv = v.cols(), splits = num_splits;
  const long chunk = m / splits + (m % splits == 0 ? 0 : 1);
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  std::vector<float> lses;
  std::vector<std::vector<float>> partials;
  std::vector<float> s;
  for (long lo = 0; lo < m; lo += chunk) {  // the empty trailing chunks never start
    const long hi = lo + chunk < m ? lo + chunk : m;
    s.assign(static_cast<std::size_t>(hi - lo), 0.0f);
    float mx = -std::numeric_limits<float>::infinity();
    for (long j = lo; j < hi; ++j) {
      float dot = 0;
      for (long c = 0; c < dk; ++c) dot += q(c) * k(j, c);
      s[j - lo] = dot * scale;
      if (s[j - lo] > mx) mx = s[j - lo];
    }
    float sum = 0;
    std::vector<float> o(static_cast<std::size_t>(dv), 0.0f);
    for (long j = lo; j < hi; ++j) {
      const float p = std::exp(s[j - lo] - mx);
      sum += p;
      for (long c = 0; c < dv; ++c) o[c] += p * v(j, c);
    }
    for (float& x : o) x /= sum;
    lses.push_back(mx + std::log(sum));
    partials.push_back(o);
  }
  VectorXf out = VectorXf::Zero(dv);
  if (lses.empty()) return out;
  float top = lses[0];
  for (float l : lses) top = l > top ? l : top;
  float total = 0;
  for (float l : lses) total += std::exp(l - top);
  for (std::size_t i = 0; i < lses.size(); ++i) {
    const float w = std::exp(lses[i] - top) / total;
    for (long c = 0; c < dv; ++c) out(c) += w * partials[i][c];
  }
  return out;
}
