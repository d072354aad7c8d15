// A random source that gives the same numbers on every platform and standard
// library (std::normal_distribution does not), so a seed always reproduces.
#pragma once

#include <cmath>
#include <cstdint>

namespace judge {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  // SplitMix64: tiny, fast and well distributed.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  double log_uniform(double lo, double hi) {
    if (lo <= 0 || hi <= lo) return uniform(lo, hi);
    return std::exp(uniform(std::log(lo), std::log(hi)));
  }
  // An integer in [lo, hi], log-uniform so small and large sizes both appear.
  long long size(long long lo, long long hi) {
    if (hi <= lo) return lo;
    const double x =
        log_uniform(static_cast<double>(lo) + 1.0, static_cast<double>(hi) + 2.0) - 1.0;
    const long long n = static_cast<long long>(std::floor(x));
    return n < lo ? lo : (n > hi ? hi : n);
  }
  long long integer(long long lo, long long hi) {  // uniform in [lo, hi]
    if (hi <= lo) return lo;
    return lo + static_cast<long long>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  double normal() {  // Box-Muller
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  std::uint64_t state_;
};

inline std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t index) {
  Rng r(seed * 0x100000001b3ULL + index);
  return r.next();
}

}  // namespace judge
