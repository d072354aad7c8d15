// Shared by every reference solution (solutions/ID/reference.cpp). A reference
// computes in double precision, in namespace reference, with the learner's
// function names and the double counterparts of their types: float -> double,
// Eigen::VectorXf -> Vector, Eigen::MatrixXf -> Matrix, a record -> the
// record of namespace reference. The judge builds it into its own program
// (the same harness and wire protocol as a learner's) and runs it, outside
// the learner's sandbox, to get expected values.
#pragma once

#include "exercise.h"
#include "reference_records.h"  // generated from problems/records.yaml

#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace reference {

using Vector = Eigen::VectorXd;
using Matrix = Eigen::MatrixXd;
using Mask = ::Mask;

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace reference
