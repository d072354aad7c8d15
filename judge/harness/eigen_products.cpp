// The definitions eigen_products.h declares: compiled once per toolchain
// into eigen_products.o, with the flags every learner file gets.
#define JUDGE_EIGEN_PRODUCTS_EXTERN
#include "eigen_products.h"
