// The problem model: what a problem file says, validated and typed. Everything
// after loading (cases, expected values, comparison, reports) reads this.
#pragma once

#include "script.h"
#include "value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace judge {

enum class Lang { kEn, kZh };

struct LocalText {
  std::string en;
  std::string zh;
  const std::string& in(Lang lang) const { return lang == Lang::kZh && !zh.empty() ? zh : en; }
};

// The C++ types a signature may use; see types.cpp for their spellings.
enum class TypeKind {
  kReal,
  kInteger,
  kVector,
  kMatrix,
  kMask,
  kIntList,
  kRecord,  // a struct from problems/records.yaml
};

struct RecordType;

struct CppType {
  TypeKind kind = TypeKind::kReal;
  std::string spelling;       // as written in the problem file
  bool in_out = false;        // a non-const reference: checked after the call
  bool by_reference = false;  // const T& (or T& when in_out), not by value
  std::shared_ptr<const RecordType> record;  // when kind is kRecord
};

struct RecordField {
  std::string name;
  CppType type;  // never a record: records do not nest
};

// A struct the catalog fixes (SoftmaxState, KVCache, ...): see records.h.
struct RecordType {
  std::string name;
  std::string doc;  // one line, English: the comment above its declaration
  std::vector<RecordField> fields;
};

struct Param {
  std::string name;
  CppType type;
};

struct Signature {
  std::string text;  // verbatim, used to declare the learner's function
  std::string name;
  CppType result;
  std::vector<Param> params;
  int param_index(const std::string& name) const;
};

// The extra tolerance that every correct float32 formula needs on large inputs.
struct MagnitudeTerm {
  double factor = 0;
  std::string of;          // an input parameter
  bool per_row = true;     // max over the output row's input row, or over all of it
  std::string masked_by;   // a mask parameter: blocked entries do not count
  std::string divided_by;  // a real parameter: the magnitude is max|x| / |it| (a temperature)
  // Inputs whose largest |entry| multiplies in: attention's rounding grows
  // with |q| * |k| (the scores) times |v|.
  std::vector<std::string> times;
};

struct Tolerance {
  double atol = 0;
  double rtol = 0;
  std::optional<MagnitudeTerm> magnitude;
};

struct CaseSpec {
  std::string name;
  std::vector<Step> steps;
  std::string origin;  // how to reproduce a generated case, empty for written ones
};

// A named generator with its parameters, checked when the file is loaded.
class Generator {
 public:
  virtual ~Generator() = default;
  virtual std::vector<CaseSpec> make() const = 0;
};

enum class GroupKind {
  kSample,
  kBasic,
  kShapes,
  kStability,
  kEdge,
  kInvalid,
  kRandom,
  kPerformance
};
const char* group_name(GroupKind kind);
std::optional<GroupKind> group_from_name(const std::string& name);

struct Group {
  GroupKind kind = GroupKind::kSample;
  std::string name;
  LocalText note;
  Tolerance tolerance;
  bool expect_invalid = false;
  double time_factor = 0;    // > 0 only for performance groups
  double memory_factor = 0;  // > 0: the call may grow memory by this many times its inputs' size
  std::vector<CaseSpec> cases;
  std::vector<std::shared_ptr<const Generator>> generators;
  // Its cases run in fresh processes whose time or memory the jail measures.
  bool measured() const {
    return kind == GroupKind::kPerformance && (time_factor > 0 || memory_factor > 0);
  }
};

// A concept question; with choices it is multiple choice and `correct` indexes them.
struct Question {
  LocalText question;
  LocalText answer;  // the model answer, shown after the learner's try
  std::vector<LocalText> choices;
  int correct = -1;
};

// The statement's worked example as data, so the reference can be run on it
// and the prose cannot drift from what the reference computes.
struct WorkedExample {
  std::string case_name;  // GROUP/NAME of a written case of this problem
  Value output;           // what the statement says the case's last step returns
  // Each number's text exactly as written (row-major, record fields in their
  // declared order): "0.6652410" keeps the digits that fix its precision.
  std::vector<std::string> written;
  int line = 0, column = 0;  // of `output`, 1-based
};

struct Problem {
  std::string id;
  std::string file;
  std::string track;
  std::string difficulty;
  std::vector<std::string> tags;
  LocalText title;
  LocalText statement;
  std::vector<Signature> signatures;
  Tolerance tolerance;
  std::vector<LocalText> hints;
  std::vector<Question> questions;
  std::vector<Group> groups;  // in the canonical order of GroupKind
  std::optional<WorkedExample> example;

  const Signature* signature(const std::string& name) const;
};

}  // namespace judge
