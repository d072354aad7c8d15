// Eigen's matrix-product kernels (GEMM, GEMV and their packing and block
// kernels) for float and double, declared here as explicit instantiations
// that live elsewhere: the precompiled header includes this file, and the
// toolchain compiles eigen_products.cpp once into eigen_products.o, which
// every program links. A learner's file then no longer generates code for
// the kernels, which every file shares; what it instantiates for its own
// expressions is unchanged. The same headers and flags build both sides, so
// the code that runs is the code the file would have generated itself.
#pragma once

#include <Eigen/Dense>

#include "routed_products.h"

// Empty in eigen_products.cpp, which holds the definitions.
#ifndef JUDGE_EIGEN_PRODUCTS_EXTERN
#define JUDGE_EIGEN_PRODUCTS_EXTERN extern
#endif

// C = A * B, column-major C; A and B in either storage order (a transpose
// is a row-major operand).
#define JUDGE_GEMM(S, LHS_ORDER, RHS_ORDER)                                  \
  JUDGE_EIGEN_PRODUCTS_EXTERN template struct general_matrix_matrix_product< \
      Index, S, LHS_ORDER, false, S, RHS_ORDER, false, ColMajor, 1>;

// y = A * x: a column-major A reads x with a stride, a row-major one in order.
#define JUDGE_GEMV(S, ORDER, VECTOR_ORDER)                                   \
  JUDGE_EIGEN_PRODUCTS_EXTERN template struct general_matrix_vector_product< \
      Index, S, const_blas_data_mapper<S, Index, ORDER>, ORDER, false, S,    \
      const_blas_data_mapper<S, Index, VECTOR_ORDER>, false, 0>;

// The packing and block kernels GEMM uses (and the triangular and
// self-adjoint products too).
#define JUDGE_GEMM_PACKS(S, ORDER)                                                  \
  JUDGE_EIGEN_PRODUCTS_EXTERN template struct gemm_pack_lhs<                        \
      S, Index, const_blas_data_mapper<S, Index, ORDER>, gebp_traits<S, S>::mr,     \
      gebp_traits<S, S>::LhsProgress, gebp_traits<S, S>::LhsPacket4Packing, ORDER>; \
  JUDGE_EIGEN_PRODUCTS_EXTERN template struct gemm_pack_rhs<                        \
      S, Index, const_blas_data_mapper<S, Index, ORDER>, gebp_traits<S, S>::nr, ORDER>;

#define JUDGE_PRODUCTS(S)                                                                          \
  JUDGE_GEMM(S, ColMajor, ColMajor)                                                                \
  JUDGE_GEMM(S, ColMajor, RowMajor)                                                                \
  JUDGE_GEMM(S, RowMajor, ColMajor)                                                                \
  JUDGE_GEMM(S, RowMajor, RowMajor)                                                                \
  JUDGE_GEMV(S, ColMajor, RowMajor)                                                                \
  JUDGE_GEMV(S, RowMajor, ColMajor)                                                                \
  JUDGE_GEMM_PACKS(S, ColMajor)                                                                    \
  JUDGE_GEMM_PACKS(S, RowMajor)                                                                    \
  JUDGE_EIGEN_PRODUCTS_EXTERN template struct gebp_kernel<                                         \
      S, S, Index, blas_data_mapper<S, Index, ColMajor, Unaligned, 1>, gebp_traits<S, S>::mr,      \
      gebp_traits<S, S>::nr, false, false>;                                                        \
  JUDGE_EIGEN_PRODUCTS_EXTERN template void evaluateProductBlockingSizesHeuristic<S, S, 1, Index>( \
      Index&, Index&, Index&, Index);

namespace Eigen {
namespace internal {
JUDGE_PRODUCTS(float)
JUDGE_PRODUCTS(double)
}  // namespace internal
}  // namespace Eigen

#undef JUDGE_PRODUCTS
#undef JUDGE_GEMM_PACKS
#undef JUDGE_GEMV
#undef JUDGE_GEMM
