// Matrix products of learner files, routed to code compiled once.
//
// Why: a learner file spends most of its compile time instantiating Eigen's
// product machinery for each product it writes (the small-size coefficient
// path, the GEMV fall-backs, the GEMM blocking), about 0.7 s per distinct
// product type on the CI machine. eigen_products.h already moves the kernels
// out; this header moves the rest. A matrix-matrix product (Eigen's
// GemmProduct) of float or double describes each operand as a column-major
// view (data, rows, columns, outer stride, transposed) and calls judge_gemm;
// a matrix-vector product (GemvProduct) does the same with the matrix and a
// vector view (data, size, increment) and calls judge_gemv. Both are defined
// in eigen_products.cpp, where the views become Eigen Maps and Eigen's own
// generic product runs on them, so the same decisions are taken (small
// sizes element by element, one-column results as GEMV, the rest as GEMM)
// with the same kernels.
//
// Invariants: a matrix, a block of one, .matrix() of an array and their
// transposes are viewed where they are, never copied; any other operand (an
// expression such as q / s, a nested product) is evaluated into one
// temporary first, as Eigen's GEMM does; a destination that cannot be
// addressed directly is filled through one temporary of its size. Products
// of other scalars take Eigen's usual path.
#pragma once

#include <Eigen/Dense>

#include <type_traits>

namespace Eigen {
namespace internal {

// A dense operand as a column-major matrix (data, rows, cols, outer stride),
// used as is or transposed.
template <typename S>
struct judge_operand_view {
  const S* data;
  Index rows, cols, stride;
  bool transposed;
};
template <typename S>
struct judge_result_view {
  S* data;
  Index rows, cols, stride;
};
// What the product does to the result: dst = lhs*rhs, +=, -=, += alpha*lhs*rhs.
enum judge_product_mode { judge_eval_to, judge_add_to, judge_sub_to, judge_scale_and_add_to };

void judge_gemm(judge_result_view<float> dst, judge_operand_view<float> lhs,
                judge_operand_view<float> rhs, float alpha, judge_product_mode mode);
void judge_gemm(judge_result_view<double> dst, judge_operand_view<double> lhs,
                judge_operand_view<double> rhs, double alpha, judge_product_mode mode);

// A vector operand or result: size elements, increment apart.
template <typename S>
struct judge_vector_view {
  const S* data;
  Index size, increment;
};
template <typename S>
struct judge_vector_result {
  S* data;
  Index size, increment;
};

// matrix * vector, or vector * matrix when vector_on_left (a row vector).
void judge_gemv(judge_vector_result<float> dst, judge_operand_view<float> matrix,
                judge_vector_view<float> vector, bool vector_on_left, float alpha,
                judge_product_mode mode);
void judge_gemv(judge_vector_result<double> dst, judge_operand_view<double> matrix,
                judge_vector_view<double> vector, bool vector_on_left, double alpha,
                judge_product_mode mode);

// An operand Eigen can address directly, with consecutive inner elements.
template <typename X>
judge_operand_view<typename X::Scalar> judge_view_of(const X& x) {
  if (bool(X::IsRowMajor)) return {x.data(), x.cols(), x.rows(), x.outerStride(), true};
  return {x.data(), x.rows(), x.cols(), x.outerStride(), false};
}

template <typename S>
judge_operand_view<S> judge_transposed(judge_operand_view<S> v) {
  v.transposed = !v.transposed;
  return v;
}

// An operand judge_gemm can take as it is: addressed directly, with
// consecutive inner elements.
template <typename X>
constexpr bool judge_viewable() {
  return bool(traits<X>::Flags & DirectAccessBit) && int(X::InnerStrideAtCompileTime) == 1;
}

// Calls use(view) with a view of x: of x itself when it can be viewed, else
// of its value in a column-major temporary (an expression such as (q / s) or
// a nested product). Eigen's own GEMM makes the same temporary.
template <typename X, typename Use>
void judge_with_view(const X& x, Use&& use) {
  if constexpr (judge_viewable<X>()) {
    use(judge_view_of(x));
  } else {
    const Matrix<typename X::Scalar, Dynamic, Dynamic> value = x;
    use(judge_view_of(value));
  }
}

// float or double on both sides. Other scalars (integers, complex, mixed)
// take Eigen's generic product.
template <typename Lhs, typename Rhs>
constexpr bool judge_routed_scalars() {
  using Scalar = typename Product<Lhs, Rhs>::Scalar;
  return (std::is_same<Scalar, float>::value || std::is_same<Scalar, double>::value) &&
         std::is_same<typename Lhs::Scalar, Scalar>::value &&
         std::is_same<typename Rhs::Scalar, Scalar>::value;
}

// Eigen's generic product of kind Tag, on a Map of the left operand's value:
// Map is the one dense type no specialisation below routes.
template <int Tag, typename Dst, typename Lhs, typename Rhs, typename Scalar>
void judge_generic_product(Dst& dst, const Lhs& lhs, const Rhs& rhs, Scalar alpha,
                           judge_product_mode mode) {
  using Plain = typename Lhs::PlainObject;
  const Plain value = lhs;
  const Map<const Plain> left(value.data(), value.rows(), value.cols());
  using Generic = generic_product_impl<Map<const Plain>, Rhs, DenseShape, DenseShape, Tag>;
  if (mode == judge_eval_to)
    Generic::evalTo(dst, left, rhs);
  else if (mode == judge_add_to)
    Generic::addTo(dst, left, rhs);
  else if (mode == judge_sub_to)
    Generic::subTo(dst, left, rhs);
  else
    Generic::scaleAndAddTo(dst, left, rhs, alpha);
}

// dst (op)= product, for a destination filled through a temporary.
template <typename Dst, typename Product, typename Scalar>
void judge_combine(Dst& dst, const Product& product, Scalar alpha, judge_product_mode mode) {
  if (mode == judge_eval_to)
    dst = product;
  else if (mode == judge_add_to)
    dst += product;
  else if (mode == judge_sub_to)
    dst -= product;
  else
    dst += alpha * product;
}

// What Eigen calls on a product implementation, each as a run() mode.
template <typename Derived, typename Lhs, typename Rhs>
struct judge_entry_points {
  using Scalar = typename Product<Lhs, Rhs>::Scalar;
  template <typename Dst>
  static void evalTo(Dst& dst, const Lhs& lhs, const Rhs& rhs) {
    Derived::run(dst, lhs, rhs, Scalar(1), judge_eval_to);
  }
  template <typename Dst>
  static void addTo(Dst& dst, const Lhs& lhs, const Rhs& rhs) {
    Derived::run(dst, lhs, rhs, Scalar(1), judge_add_to);
  }
  template <typename Dst>
  static void subTo(Dst& dst, const Lhs& lhs, const Rhs& rhs) {
    Derived::run(dst, lhs, rhs, Scalar(1), judge_sub_to);
  }
  template <typename Dst>
  static void scaleAndAddTo(Dst& dst, const Lhs& lhs, const Rhs& rhs, const Scalar& alpha) {
    Derived::run(dst, lhs, rhs, alpha, judge_scale_and_add_to);
  }
};

// The matrix-matrix products (Eigen's GemmProduct).
template <typename Lhs, typename Rhs>
struct judge_routed_product : judge_entry_points<judge_routed_product<Lhs, Rhs>, Lhs, Rhs> {
  using Scalar = typename Product<Lhs, Rhs>::Scalar;

  template <typename Dst>
  static void run(Dst& dst, const Lhs& lhs, const Rhs& rhs, Scalar alpha, judge_product_mode mode) {
    if constexpr (!judge_routed_scalars<Lhs, Rhs>()) {
      judge_generic_product<GemmProduct>(dst, lhs, rhs, alpha, mode);
    } else {
      judge_with_view(lhs, [&](judge_operand_view<Scalar> left) {
        judge_with_view(
            rhs, [&](judge_operand_view<Scalar> right) { into(dst, left, right, alpha, mode); });
      });
    }
  }

  template <typename Dst>
  static void into(Dst& dst, judge_operand_view<Scalar> lhs, judge_operand_view<Scalar> rhs,
                   Scalar alpha, judge_product_mode mode) {
    if constexpr (judge_viewable<Dst>() && bool(traits<Dst>::Flags & LvalueBit)) {
      if (bool(Dst::IsRowMajor)) {
        // dst^T is column-major, and dst^T = rhs^T * lhs^T.
        judge_gemm({dst.data(), dst.cols(), dst.rows(), dst.outerStride()}, judge_transposed(rhs),
                   judge_transposed(lhs), alpha, mode);
      } else {
        judge_gemm({dst.data(), dst.rows(), dst.cols(), dst.outerStride()}, lhs, rhs, alpha, mode);
      }
    } else {
      Matrix<Scalar, Dynamic, Dynamic> product(dst.rows(), dst.cols());
      into(product, lhs, rhs, Scalar(1), judge_eval_to);
      judge_combine(dst, product, alpha, mode);
    }
  }
};

// Where a vector's elements are: its size, and the step between them in
// memory, whichever way it lies in its storage.
template <typename X>
Index judge_increment(const X& x) {
  const bool along_rows = x.cols() == 1;
  return (bool(X::IsRowMajor) != along_rows) ? x.innerStride() : x.outerStride();
}

// Calls use(view) with a view of the vector x: of x itself when it can be
// addressed directly, else of its value in a temporary.
template <typename X, typename Use>
void judge_with_vector(const X& x, Use&& use) {
  if constexpr (bool(traits<X>::Flags & DirectAccessBit)) {
    use(judge_vector_view<typename X::Scalar>{x.data(), x.size(), judge_increment(x)});
  } else {
    const typename X::PlainObject value = x;
    use(judge_vector_view<typename X::Scalar>{value.data(), value.size(), 1});
  }
}

// The matrix-vector products (Eigen's GemvProduct): the vector is the
// operand whose size is known to be one row (on the left) or one column (on
// the right); the other is viewed as a matrix, as in judge_routed_product.
template <typename Lhs, typename Rhs>
struct judge_routed_gemv : judge_entry_points<judge_routed_gemv<Lhs, Rhs>, Lhs, Rhs> {
  using Scalar = typename Product<Lhs, Rhs>::Scalar;
  static constexpr bool kVectorOnLeft = bool(Lhs::IsVectorAtCompileTime);
  static constexpr bool kRouted =
      judge_routed_scalars<Lhs, Rhs>() &&
      (kVectorOnLeft ? int(Lhs::RowsAtCompileTime) == 1 : int(Rhs::ColsAtCompileTime) == 1);

  template <typename Dst>
  static void run(Dst& dst, const Lhs& lhs, const Rhs& rhs, Scalar alpha, judge_product_mode mode) {
    if constexpr (!kRouted) {
      judge_generic_product<GemvProduct>(dst, lhs, rhs, alpha, mode);
    } else if constexpr (kVectorOnLeft) {
      judge_with_vector(lhs, [&](judge_vector_view<Scalar> vector) {
        judge_with_view(rhs, [&](judge_operand_view<Scalar> matrix) {
          into(dst, matrix, vector, alpha, mode);
        });
      });
    } else {
      judge_with_view(lhs, [&](judge_operand_view<Scalar> matrix) {
        judge_with_vector(
            rhs, [&](judge_vector_view<Scalar> vector) { into(dst, matrix, vector, alpha, mode); });
      });
    }
  }

  template <typename Dst>
  static void into(Dst& dst, judge_operand_view<Scalar> matrix, judge_vector_view<Scalar> vector,
                   Scalar alpha, judge_product_mode mode) {
    if constexpr (bool(traits<Dst>::Flags & DirectAccessBit) &&
                  bool(traits<Dst>::Flags & LvalueBit)) {
      judge_gemv({dst.data(), dst.size(), judge_increment(dst)}, matrix, vector, kVectorOnLeft,
                 alpha, mode);
    } else {
      typename Dst::PlainObject product(dst.rows(), dst.cols());
      into(product, matrix, vector, Scalar(1), judge_eval_to);
      judge_combine(dst, product, alpha, mode);
    }
  }
};

// Every kind of left operand a learner writes, by its class template: a
// partial specialisation per kind is more specialised than Eigen's generic
// one for GemmProduct, and the kinds are disjoint, so exactly one applies.
// Map is left out on purpose: it is how a product reaches Eigen's generic
// code (in eigen_products.cpp and above).
#define JUDGE_ROUTE_LEFT(PARAMS, LHS)                                        \
  template <PARAMS, typename Rhs>                                            \
  struct generic_product_impl<LHS, Rhs, DenseShape, DenseShape, GemmProduct> \
      : judge_routed_product<LHS, Rhs> {};                                   \
  template <PARAMS, typename Rhs>                                            \
  struct generic_product_impl<LHS, Rhs, DenseShape, DenseShape, GemvProduct> \
      : judge_routed_gemv<LHS, Rhs> {};
#define JUDGE_COMMA ,
JUDGE_ROUTE_LEFT(typename S JUDGE_COMMA int R JUDGE_COMMA int C JUDGE_COMMA int O JUDGE_COMMA int MR
                     JUDGE_COMMA int MC,
                 Matrix<S JUDGE_COMMA R JUDGE_COMMA C JUDGE_COMMA O JUDGE_COMMA MR JUDGE_COMMA MC>)
JUDGE_ROUTE_LEFT(typename X JUDGE_COMMA int R JUDGE_COMMA int C JUDGE_COMMA bool P,
                 Block<X JUDGE_COMMA R JUDGE_COMMA C JUDGE_COMMA P>)
JUDGE_ROUTE_LEFT(typename X, Transpose<X>)
JUDGE_ROUTE_LEFT(typename X, MatrixWrapper<X>)
JUDGE_ROUTE_LEFT(typename Op JUDGE_COMMA typename A JUDGE_COMMA typename B,
                 CwiseBinaryOp<Op JUDGE_COMMA A JUDGE_COMMA B>)
JUDGE_ROUTE_LEFT(typename Op JUDGE_COMMA typename X, CwiseUnaryOp<Op JUDGE_COMMA X>)
JUDGE_ROUTE_LEFT(typename Op JUDGE_COMMA typename X, CwiseNullaryOp<Op JUDGE_COMMA X>)
JUDGE_ROUTE_LEFT(typename A JUDGE_COMMA typename B JUDGE_COMMA int O,
                 Product<A JUDGE_COMMA B JUDGE_COMMA O>)
JUDGE_ROUTE_LEFT(typename X JUDGE_COMMA int O JUDGE_COMMA typename St,
                 Ref<X JUDGE_COMMA O JUDGE_COMMA St>)
#undef JUDGE_COMMA
#undef JUDGE_ROUTE_LEFT

}  // namespace internal
}  // namespace Eigen
