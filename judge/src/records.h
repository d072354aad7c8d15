// The structs a problem's signatures may use (SoftmaxState, KVCache, ...),
// described once in the bank's problems/records.yaml. Everything else follows
// from that description: the learner's declarations in exercise.h, the field
// lists the harness sends and reads them with, and the double-precision view
// the references compute in.
#pragma once

#include "problem.h"

#include <memory>
#include <string>
#include <vector>

namespace judge {

struct RecordTypes {
  std::vector<std::shared_ptr<const RecordType>> types;  // in the file's order
  const RecordType* find(const std::string& name) const;
  std::shared_ptr<const RecordType> share(const std::string& name) const;
};

// Reads problems/records.yaml (a missing file means no records). Throws
// BankError with file:line:column.
RecordTypes load_records(const std::string& path);

// The learner's header: Eigen, the short type names, the records in float,
// and not_implemented_error. `exercises/exercise.h` holds exactly this text.
std::string exercise_header(const RecordTypes& records);
// The harness's field lists for the learner's (float) records.
std::string harness_records_header(const RecordTypes& records);
// namespace reference: the records in double precision, with field lists.
std::string reference_records_header(const RecordTypes& records);

// "double", "Eigen::MatrixXd", "reference::KVCache": how a reference spells a type.
std::string reference_spelling(const CppType& type);
// The reference's declaration of a learner signature, inside namespace reference:
// "Eigen::VectorXd softmax(const Eigen::VectorXd& x)".
std::string reference_declaration(const Signature& sig);
// The function-pointer type of that declaration, for binding it unambiguously.
std::string reference_pointer_type(const Signature& sig);

}  // namespace judge
