// Reference: log-sum-exp of a vector, in double precision.
#include "reference.h"

namespace reference {

double vector_logsumexp(const Vector& x) {
  if (x.size() == 0) return -kInf;
  const double m = x.maxCoeff();
  if (m == -kInf) return -kInf;
  return m + std::log((x.array() - m).exp().sum());
}

}  // namespace reference
