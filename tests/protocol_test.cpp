#include "execute.h"
#include "script.h"
#include "wire.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace judge {
namespace {

Value sample_matrix() {
  Value m = Value::Tensor(ValueKind::kMatrix, 2, 3);
  for (std::size_t i = 0; i < m.data.size(); ++i) m.data[i] = static_cast<double>(i) - 2.5;
  m.data[4] = -std::numeric_limits<double>::infinity();
  return m;
}

TEST(Protocol, ValuesRoundTripIncludingRecordsAndInfinities) {
  Value record;
  record.kind = ValueKind::kRecord;
  record.field_names = {"max", "sum"};
  record.fields = {Value::Real(-std::numeric_limits<double>::infinity()), Value::Real(0.5)};
  wire::Writer w;
  w.value(sample_matrix());
  w.value(record);
  wire::Reader r(w.bytes());
  const Value m = r.value();
  EXPECT_EQ(m.rows, 2);
  EXPECT_EQ(m.cols, 3);
  EXPECT_EQ(m.data, sample_matrix().data);
  const Value back = r.value();
  ASSERT_NE(back.field("max"), nullptr);
  EXPECT_TRUE(std::isinf(back.field("max")->data[0]));
  EXPECT_EQ(back.field("sum")->data[0], 0.5);
  EXPECT_TRUE(r.done());
}

// Empty vectors have a null data(); the sanitizer build catches a memcpy from it.
TEST(Protocol, EmptyValuesRoundTrip) {
  wire::Writer w;
  w.value(Value::Tensor(ValueKind::kVector, 0, 1));
  w.value(Value::Tensor(ValueKind::kMatrix, 3, 0));
  wire::Reader r(w.bytes());
  EXPECT_EQ(r.value().rows, 0);
  const Value m = r.value();
  EXPECT_EQ(m.rows, 3);
  EXPECT_EQ(m.cols, 0);
  EXPECT_TRUE(r.done());
}

TEST(Protocol, StepsWithReferencesRoundTrip) {
  std::vector<Step> steps(2);
  steps[0].function = 0;
  steps[0].args.resize(1);
  steps[0].args[0].value = sample_matrix();
  steps[1].function = 1;
  ArgRef ref;
  ref.is_inline = false;
  ref.step = 0;
  ref.slot = 2;
  steps[1].args = {ref};
  wire::Writer w;
  write_steps(w, steps);
  wire::Reader r(w.bytes());
  const auto back = read_steps(r);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_TRUE(back[0].args[0].is_inline);
  EXPECT_FALSE(back[1].args[0].is_inline);
  EXPECT_EQ(back[1].args[0].slot, 2);
}

TEST(Protocol, TruncatedOrImpossibleMessagesAreRejected) {
  wire::Writer w;
  w.value(sample_matrix());
  auto bytes = w.bytes();
  bytes.resize(bytes.size() - 3);
  wire::Reader truncated(bytes);
  EXPECT_THROW(truncated.value(), wire::WireError);

  wire::Writer huge;
  huge.u8(static_cast<std::uint8_t>(ValueKind::kMatrix));
  huge.i64(1 << 30);
  huge.i64(1 << 30);
  wire::Reader r(huge.bytes());
  EXPECT_THROW(r.value(), wire::WireError);

  wire::Writer bad_kind;
  bad_kind.u8(99);
  wire::Reader r2(bad_kind.bytes());
  EXPECT_THROW(r2.value(), wire::WireError);
}

TEST(Protocol, OutcomesRoundTripWithExceptions) {
  std::vector<StepOutcome> outcomes(2);
  outcomes[0].call.has_result = true;
  outcomes[0].call.result = Value::Real(3);
  outcomes[0].call.mutated = {{1, sample_matrix()}};
  outcomes[1].status = wire::CallStatus::kInvalidArgument;
  outcomes[1].exception_type = "std::invalid_argument";
  outcomes[1].exception_what = "bad";
  wire::Writer w;
  write_outcomes(w, outcomes);
  wire::Reader r(w.bytes());
  const auto back = read_outcomes(r);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].call.mutated.at(0).first, 1);
  EXPECT_EQ(back[1].status, wire::CallStatus::kInvalidArgument);
  EXPECT_EQ(back[1].exception_what, "bad");
}

float add_one(float x) { return x + 1; }
void grow(Eigen::MatrixXf& m) {
  m.conservativeResize(m.rows() + 1, m.cols());
  m.row(m.rows() - 1).setOnes();
}

TEST(Protocol, ExecuteChainsStepsAndReportsInOutParameters) {
  const std::vector<BoundFunction> functions = {bind_function<&add_one>("add_one"),
                                                bind_function<&grow>("grow")};
  std::vector<Step> steps(3);
  steps[0].args.resize(1);
  steps[0].args[0].value = Value::Real(1);
  steps[1].function = 0;
  steps[1].args.resize(1);
  steps[1].args[0].is_inline = false;
  steps[1].args[0].step = 0;
  steps[2].function = 1;
  steps[2].args.resize(1);
  steps[2].args[0].value = Value::Tensor(ValueKind::kMatrix, 0, 2);
  const auto done = execute(functions, steps);
  ASSERT_EQ(done.size(), 3u);
  EXPECT_EQ(done[1].call.result.data[0], 3.0);
  ASSERT_EQ(done[2].call.mutated.size(), 1u);
  EXPECT_EQ(done[2].call.mutated[0].second.rows, 1);
  EXPECT_EQ(done[2].call.mutated[0].second.data, (std::vector<double>{1, 1}));
}

}  // namespace
}  // namespace judge
