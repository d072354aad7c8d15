// The definitions eigen_products.h declares: compiled once per toolchain
// into eigen_products.o, with the flags every learner file gets.
#define JUDGE_EIGEN_PRODUCTS_EXTERN
#include "eigen_products.h"

namespace Eigen {
namespace internal {
namespace {

// Only Maps here: no Map is routed (routed_products.h), so these products
// run Eigen's generic code, the code a learner's product would have
// instantiated itself. A transposed operand is the row-major Map of the
// same data, which is how Eigen's GEMM sees a transpose too.
template <typename S>
using ColumnMajorMap = Map<const Matrix<S, Dynamic, Dynamic, ColMajor>, 0, OuterStride<>>;
template <typename S>
using RowMajorMap = Map<const Matrix<S, Dynamic, Dynamic, RowMajor>, 0, OuterStride<>>;

template <int Tag, typename Dst, typename Lhs, typename Rhs, typename S>
void apply(Dst& dst, const Lhs& lhs, const Rhs& rhs, S alpha, judge_product_mode mode) {
  using Generic = generic_product_impl<Lhs, Rhs, DenseShape, DenseShape, Tag>;
  switch (mode) {
    case judge_eval_to:
      return Generic::evalTo(dst, lhs, rhs);
    case judge_add_to:
      return Generic::addTo(dst, lhs, rhs);
    case judge_sub_to:
      return Generic::subTo(dst, lhs, rhs);
    case judge_scale_and_add_to:
      return Generic::scaleAndAddTo(dst, lhs, rhs, alpha);
  }
}

template <typename S, typename Lhs, typename Rhs>
void multiply(judge_result_view<S> result, const Lhs& lhs, const Rhs& rhs, S alpha,
              judge_product_mode mode) {
  Map<Matrix<S, Dynamic, Dynamic>, 0, OuterStride<>> dst(result.data, result.rows, result.cols,
                                                         OuterStride<>(result.stride));
  apply<GemmProduct>(dst, lhs, rhs, alpha, mode);
}

template <typename S>
ColumnMajorMap<S> as_stored(const judge_operand_view<S>& v) {
  return ColumnMajorMap<S>(v.data, v.rows, v.cols, OuterStride<>(v.stride));
}
template <typename S>
RowMajorMap<S> as_transposed(const judge_operand_view<S>& v) {
  return RowMajorMap<S>(v.data, v.cols, v.rows, OuterStride<>(v.stride));
}

template <typename S>
void multiply_views(judge_result_view<S> dst, judge_operand_view<S> lhs, judge_operand_view<S> rhs,
                    S alpha, judge_product_mode mode) {
  if (!lhs.transposed && !rhs.transposed)
    multiply(dst, as_stored(lhs), as_stored(rhs), alpha, mode);
  else if (!lhs.transposed)
    multiply(dst, as_stored(lhs), as_transposed(rhs), alpha, mode);
  else if (!rhs.transposed)
    multiply(dst, as_transposed(lhs), as_stored(rhs), alpha, mode);
  else
    multiply(dst, as_transposed(lhs), as_transposed(rhs), alpha, mode);
}

// vector * matrix (a row vector on the left) or matrix * vector.
template <typename S>
void multiply_vector(judge_vector_result<S> result, judge_operand_view<S> matrix,
                     judge_vector_view<S> vector, bool vector_on_left, S alpha,
                     judge_product_mode mode) {
  if (vector_on_left) {
    Map<Matrix<S, 1, Dynamic>, 0, InnerStride<>> dst(result.data, result.size,
                                                     InnerStride<>(result.increment));
    const Map<const Matrix<S, 1, Dynamic>, 0, InnerStride<>> v(vector.data, vector.size,
                                                                InnerStride<>(vector.increment));
    if (matrix.transposed)
      apply<GemvProduct>(dst, v, as_transposed(matrix), alpha, mode);
    else
      apply<GemvProduct>(dst, v, as_stored(matrix), alpha, mode);
  } else {
    Map<Matrix<S, Dynamic, 1>, 0, InnerStride<>> dst(result.data, result.size,
                                                     InnerStride<>(result.increment));
    const Map<const Matrix<S, Dynamic, 1>, 0, InnerStride<>> v(vector.data, vector.size,
                                                                InnerStride<>(vector.increment));
    if (matrix.transposed)
      apply<GemvProduct>(dst, as_transposed(matrix), v, alpha, mode);
    else
      apply<GemvProduct>(dst, as_stored(matrix), v, alpha, mode);
  }
}

}  // namespace

void judge_gemv(judge_vector_result<float> dst, judge_operand_view<float> matrix,
                judge_vector_view<float> vector, bool vector_on_left, float alpha,
                judge_product_mode mode) {
  multiply_vector(dst, matrix, vector, vector_on_left, alpha, mode);
}
void judge_gemv(judge_vector_result<double> dst, judge_operand_view<double> matrix,
                judge_vector_view<double> vector, bool vector_on_left, double alpha,
                judge_product_mode mode) {
  multiply_vector(dst, matrix, vector, vector_on_left, alpha, mode);
}

void judge_gemm(judge_result_view<float> dst, judge_operand_view<float> lhs,
                judge_operand_view<float> rhs, float alpha, judge_product_mode mode) {
  multiply_views(dst, lhs, rhs, alpha, mode);
}
void judge_gemm(judge_result_view<double> dst, judge_operand_view<double> lhs,
                judge_operand_view<double> rhs, double alpha, judge_product_mode mode) {
  multiply_views(dst, lhs, rhs, alpha, mode);
}

}  // namespace internal
}  // namespace Eigen

// The products above must not be routed again, or judge_gemm would call itself.
static_assert(!std::is_base_of<
                  Eigen::internal::judge_routed_product<Eigen::internal::RowMajorMap<float>,
                                                        Eigen::internal::ColumnMajorMap<float>>,
                  Eigen::internal::generic_product_impl<
                      Eigen::internal::RowMajorMap<float>, Eigen::internal::ColumnMajorMap<float>,
                      Eigen::DenseShape, Eigen::DenseShape, Eigen::GemmProduct>>::value,
              "a Map product is routed: judge_gemm would recurse");
