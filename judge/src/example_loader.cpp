#include "example_loader.h"

#include "literal.h"
#include "types.h"

namespace judge {
namespace {

// Appends the source text of every number in `node`, which parse_literal has
// already accepted as `type`. yaml-cpp keeps a scalar's text as written, so
// trailing zeros survive: they state the example's precision.
void collect_written(const YamlContext& ctx, const YAML::Node& node, const CppType& type,
                     std::vector<std::string>& out) {
  if (type.kind == TypeKind::kRecord) {
    for (const auto& field : type.record->fields)
      collect_written(ctx, node[field.name], field.type, out);
    return;
  }
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return;
  }
  if (node.IsMap()) {
    // {shape: [0, 3]} has no numbers; {shape: .., fill: ..} hides them.
    if (node["fill"])
      ctx.fail(node,
               "write the worked example's output entry by entry, as the statement prints "
               "it, not with fill");
    return;
  }
  for (const auto& item : node) collect_written(ctx, item, type, out);
}

}  // namespace

// Signatures cannot spell void yet (types.cpp); when they can, the result's
// spelling is how a void function shows.
bool returns_value(const Signature& signature) { return signature.result.spelling != "void"; }

WorkedExample parse_worked_example(const YamlContext& ctx, const YAML::Node& node,
                                   const Problem& problem) {
  const std::string what = "the worked example";
  ctx.allow_keys(node, {"case", "output"}, what);
  WorkedExample ex;
  const YAML::Node case_node = ctx.require(node, "case", what);
  ex.case_name = ctx.text(case_node, "the worked example's case");

  const Group* group = nullptr;
  const CaseSpec* spec = nullptr;
  std::vector<std::string> names;
  std::string same_name;  // a case of that name in some group, when the group was left out
  for (const Group& g : problem.groups)
    for (const CaseSpec& c : g.cases) {
      names.push_back(g.name + "/" + c.name);
      if (names.back() == ex.case_name) group = &g, spec = &c;
      if (c.name == ex.case_name) same_name = names.back();
    }
  if (spec == nullptr) {
    std::string message = "there is no written case '" + ex.case_name + "'";
    const std::string guess = same_name.empty() ? closest_match(ex.case_name, names) : same_name;
    if (!guess.empty())
      message += "; did you mean '" + guess + "'?";
    else
      message +=
          "; name a case listed under some group's cases: as GROUP/NAME (generated cases "
          "do not count)";
    ctx.fail(case_node, message);
  }
  if (group->expect_invalid)
    ctx.fail(case_node, "the case " + ex.case_name +
                            " is in the invalid group: it throws, so it has no output to show");

  const Signature& last = problem.signatures[spec->steps.back().function];
  const YAML::Node output = ctx.require(node, "output", what);
  if (!returns_value(last))
    ctx.fail(output, "the last step of " + ex.case_name + " calls " + last.name +
                         ", which returns nothing (void): there is no output to write");
  ex.output = parse_literal(ctx, output, last.result,
                            "the worked example's output (what " + last.name + " returns)");
  collect_written(ctx, output, last.result, ex.written);
  ex.line = output.Mark().line + 1;
  ex.column = output.Mark().column + 1;
  return ex;
}

}  // namespace judge
