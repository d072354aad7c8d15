// Built with the judge's toolchain (its precompiled header routes products,
// judge/harness/routed_products.h) and run by routed_products_test.cpp.
// Every product form a learner writes is computed through the routing and
// compared with a plain triple loop in long double; the forms whose operands
// are viewed where they are must also equal, bit for bit, Eigen's generic
// product on Maps (a type the routing leaves alone). Prints one line per
// disagreement and "agree N" at the end; exits 1 on any disagreement.
#include <cstdio>
#include <random>

namespace {

int failures = 0, checks = 0;

template <typename M>
M random_matrix(Eigen::Index rows, Eigen::Index cols, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(-2, 2);
  M m(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j) m(i, j) = static_cast<typename M::Scalar>(u(rng));
  return m;
}

// The product a * b in long double, from the operands' values.
template <typename A, typename B>
Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic> exact(const A& a, const B& b) {
  Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic> r(a.rows(), b.cols());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < b.cols(); ++j) {
      long double s = 0;
      for (Eigen::Index k = 0; k < a.cols(); ++k)
        s += static_cast<long double>(a(i, k)) * static_cast<long double>(b(k, j));
      r(i, j) = s;
    }
  return r;
}

template <typename Got, typename Want>
void expect_close(const char* what, Eigen::Index n, const Got& got, const Want& want) {
  ++checks;
  using S = typename Got::Scalar;
  const long double tolerance = (sizeof(S) == 4 ? 1e-5L : 1e-13L) * (2 + n) * 4;
  bool ok = got.rows() == want.rows() && got.cols() == want.cols();
  for (Eigen::Index i = 0; ok && i < got.rows(); ++i)
    for (Eigen::Index j = 0; ok && j < got.cols(); ++j)
      ok = std::abs(static_cast<long double>(got(i, j)) - want(i, j)) <= tolerance;
  if (!ok) {
    ++failures;
    std::printf("differs: %s (inner size %ld, %s)\n", what, static_cast<long>(n),
                sizeof(S) == 4 ? "float" : "double");
  }
}

template <typename Got, typename Want>
void expect_identical(const char* what, const Got& got, const Want& want) {
  ++checks;
  if (got.rows() != want.rows() || got.cols() != want.cols() ||
      !(got.array() == want.array()).all()) {
    ++failures;
    std::printf("not bit-identical to Eigen's generic product: %s\n", what);
  }
}

template <typename S>
void check_sizes(Eigen::Index m, Eigen::Index n, Eigen::Index p, std::mt19937& rng) {
  using M = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
  using R = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using A = Eigen::Array<S, Eigen::Dynamic, Eigen::Dynamic>;
  using Map = Eigen::Map<const M, 0, Eigen::OuterStride<>>;
  const auto map = [](const M& x) {
    return Map(x.data(), x.rows(), x.cols(), Eigen::OuterStride<>(x.outerStride()));
  };
  const M a = random_matrix<M>(m, n, rng), b = random_matrix<M>(n, p, rng);
  const M bt = b.transpose(), at = a.transpose();
  const M wide = random_matrix<M>(m + 3, n + 5, rng);
  const S s = S(0.5);

  M c = a * b;
  expect_close("a * b", n, c, exact(a, b));
  expect_identical("a * b", c, M(map(a) * map(b)));
  c = a * bt.transpose();
  expect_close("a * bt.transpose()", n, c, exact(a, b));
  expect_identical("a * bt.transpose()", c, M(map(a) * map(bt).transpose()));
  c = at.transpose() * bt.transpose();
  expect_close("at.transpose() * bt.transpose()", n, c, exact(a, b));
  c = wide.block(1, 2, m, n) * b;
  expect_close("block * b", n, c, exact(M(wide.block(1, 2, m, n)), b));
  c = wide.middleCols(2, n).topRows(m) * b;
  expect_close("middleCols.topRows * b", n, c, exact(M(wide.middleCols(2, n).topRows(m)), b));
  const A arr = a.array();
  c = arr.matrix() * b;
  expect_close("array.matrix() * b", n, c, exact(a, b));
  c = (a / s) * b;
  expect_close("(a / s) * b", n, c, exact(M(a / s), b));
  c = s * (a * b);
  expect_close("s * (a * b)", n, c, exact(M(s * a), b));
  c = (a * b) * s;
  expect_close("(a * b) * s", n, c, exact(M(a * s), b));
  c = a * b * M::Identity(p, p);
  expect_close("a * b * identity", n, c, exact(a, b));
  c = (a.array() + 1).matrix() * b;
  expect_close("(a.array() + 1).matrix() * b", n, c, exact(M((a.array() + 1).matrix()), b));
  c.setOnes();
  c += a * b;
  expect_close("c += a * b", n, c, exact(a, b).array() + 1);
  c.setOnes();
  c -= a * b;
  expect_close("c -= a * b", n, c, 1 - exact(a, b).array());
  c.setOnes();
  c.noalias() += s * a * b;
  expect_close("c.noalias() += s * a * b", n, c, (s * exact(a, b)).array() + 1);
  R r = a * b;
  expect_close("row-major = a * b", n, r, exact(a, b));
  M big = M::Zero(m + 2, p + 4);
  big.block(1, 3, m, p).noalias() = a * b;
  expect_close("block.noalias() = a * b", n, M(big.block(1, 3, m, p)), exact(a, b));
  expect_close("outside the block untouched", 0, M(big.leftCols(3)),
               Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>::Zero(m + 2, 3));
  M t = M::Zero(p, m);
  t.transpose().noalias() = a * b;
  expect_close("transpose.noalias() = a * b", n, M(t.transpose()), exact(a, b));
  M sq = random_matrix<M>(n, n, rng);
  const M sq_before = sq;
  sq = sq * sq;
  expect_close("sq = sq * sq (aliasing)", n, sq, exact(sq_before, sq_before));
  A prod_array = (a * b).array() * s;
  expect_close("(a * b).array() * s", n, prod_array.matrix(), s * exact(a, b));
}

template <typename S>
void check_vectors(Eigen::Index m, Eigen::Index n, std::mt19937& rng) {
  using M = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
  using V = Eigen::Matrix<S, Eigen::Dynamic, 1>;
  using RV = Eigen::Matrix<S, 1, Eigen::Dynamic>;
  using VMap = Eigen::Map<const V>;
  using MMap = Eigen::Map<const M>;
  const M a = random_matrix<M>(m, n, rng), k = random_matrix<M>(m, n, rng);
  const V x = random_matrix<M>(n, 1, rng);
  const RV q = random_matrix<M>(1, n, rng);
  const MMap am(a.data(), m, n);
  const S s = S(0.25);

  V y = a * x;
  expect_close("a * x", n, y, exact(a, x));
  expect_identical("a * x", y, V(am * VMap(x.data(), n)));
  RV r = q * k.transpose();
  expect_close("q * k.transpose()", n, r, exact(q, M(k.transpose())));
  r = k.row(m - 1) * a.transpose();
  expect_close("k.row * a.transpose()", n, r, exact(M(k.row(m - 1)), M(a.transpose())));
  y = a * k.row(0).transpose();
  expect_close("a * k.row.transpose()", n, y, exact(a, M(k.row(0).transpose())));
  M out = M::Zero(m, m);
  out.row(1 % m).noalias() = q * k.transpose();
  expect_close("out.row.noalias() = q * k.transpose()", n, M(out.row(1 % m)),
               exact(q, M(k.transpose())));
  RV weights = ((q.array() - 1) / 3).matrix() * a.transpose();
  expect_close("(q.array() - 1).matrix() * a.transpose()", n, weights,
               exact(M(((q.array() - 1) / 3).matrix()), M(a.transpose())));
  y.setOnes();
  y += a * x;
  expect_close("y += a * x", n, y, exact(a, x).array() + 1);
  y.setOnes();
  y.noalias() -= s * a * x;
  expect_close("y.noalias() -= s * a * x", n, y, 1 - (s * exact(a, x)).array());
  M column = a * x;
  expect_close("matrix = a * x", n, column, exact(a, x));
  const V xt = a.transpose() * a.col(0);
  expect_close("a.transpose() * a.col(0)", m, xt, exact(M(a.transpose()), M(a.col(0))));
}

}  // namespace

int main() {
  std::mt19937 rng(20261204);
  // Small (element by element), one column and one row (GEMV), large
  // (GEMM), and empty.
  const Eigen::Index sizes[][3] = {{3, 4, 5},    {7, 1, 6}, {5, 9, 1}, {1, 8, 6}, {40, 33, 27},
                                   {65, 130, 3}, {0, 4, 3}, {4, 0, 3}, {2, 3, 0}};
  for (const auto& size : sizes) {
    check_sizes<float>(size[0], size[1], size[2], rng);
    check_sizes<double>(size[0], size[1], size[2], rng);
    if (size[0] > 1 && size[1] > 0) {
      check_vectors<float>(size[0], size[1], rng);
      check_vectors<double>(size[0], size[1], rng);
    }
  }
  // Products the routing must leave to Eigen: integers, fixed sizes.
  Eigen::MatrixXi ia = Eigen::MatrixXi::Constant(30, 30, 2), ib = Eigen::MatrixXi::Ones(30, 30);
  ++checks;
  if (!((ia * ib).array() == 60).all()) ++failures, std::printf("differs: int product\n");
  Eigen::Matrix<float, 32, 32> fa = Eigen::Matrix<float, 32, 32>::Ones();
  ++checks;
  if (!((fa * fa).array() == 32).all()) ++failures, std::printf("differs: fixed 32 x 32 product\n");
  std::printf("agree %d of %d\n", checks - failures, checks);
  return failures == 0 ? 0 : 1;
}
