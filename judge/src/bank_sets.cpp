// problems/sets.yaml: the sets of problems, each with its title, time budget
// and, optionally, the points each problem is worth in a grade.
#include "bank.h"
#include "yaml_context.h"

#include <algorithm>
#include <filesystem>
#include <regex>

namespace judge {
namespace {

// `points: {softmax: 2, attention: 3}`: only problems of the set, each worth
// more than 0 and at most 1000; the rest are worth 1.
void load_points(const YamlContext& ctx, const YAML::Node& points, ProblemSet& set) {
  ctx.expect_map(points, "points");
  for (const auto& entry : points) {
    const std::string id = ctx.text(entry.first, "a problem id");
    if (std::find(set.problems.begin(), set.problems.end(), id) == set.problems.end()) {
      const std::string guess = closest_match(id, set.problems);
      ctx.fail(entry.first, "points name '" + id + "', which is not a problem of the set " +
                                set.id + (guess.empty() ? "" : "; did you mean '" + guess + "'?"));
    }
    const double value = ctx.number(entry.second, "points");
    if (!(value > 0 && value <= 1000))
      ctx.fail(entry.second, "points must be above 0 and at most 1000");
    set.points[id] = value;
  }
}

}  // namespace

// problems/sets.yaml is optional; every id it names must be in the bank.
void load_sets(const std::string& problems_dir, Bank& bank, bool strict,
               std::vector<std::string>* warnings) {
  namespace fs = std::filesystem;
  const std::string path = (fs::path(problems_dir) / "sets.yaml").string();
  if (!fs::exists(path)) return;
  YamlContext ctx(path);
  const YAML::Node root = ctx.load_file();
  ctx.allow_keys(root, {"sets"}, "sets.yaml");
  const YAML::Node sets = ctx.require(root, "sets", "sets.yaml");
  ctx.expect_map(sets, "sets");
  static const std::regex set_id("[a-z0-9][a-z0-9-]*");
  for (const auto& entry : sets) {
    ProblemSet set;
    set.id = entry.first.as<std::string>();
    if (!std::regex_match(set.id, set_id)) ctx.fail(entry.first, "a set id uses a-z, 0-9 and -");
    ctx.allow_keys(entry.second, {"title", "minutes", "problems", "points"}, "the set " + set.id);
    set.title = parse_local_text(ctx, ctx.require(entry.second, "title", "a set"), "the set title");
    set.minutes =
        static_cast<int>(ctx.integer(ctx.require(entry.second, "minutes", "a set"), "minutes"));
    if (set.minutes < 1 || set.minutes > 600)
      ctx.fail(entry.second["minutes"], "minutes must be from 1 to 600");
    const YAML::Node ids = ctx.require(entry.second, "problems", "a set");
    ctx.expect_sequence(ids, "problems");
    const std::vector<std::string> listed = bank.listed_ids();
    for (const auto& id_node : ids) {
      const std::string id = ctx.text(id_node, "a problem id");
      if (std::find(listed.begin(), listed.end(), id) == listed.end()) {
        const std::string guess = closest_match(id, listed);
        const std::string message = "the set " + set.id + " names an unknown problem '" + id + "'" +
                                    (guess.empty() ? "" : "; did you mean '" + guess + "'?");
        if (strict) ctx.fail(id_node, message);
        if (warnings != nullptr) warnings->push_back(ctx.where(id_node) + ": " + message);
        continue;
      }
      if (std::find(set.problems.begin(), set.problems.end(), id) != set.problems.end())
        ctx.fail(id_node, "problem '" + id + "' is in the set twice");
      set.problems.push_back(id);
    }
    if (set.problems.empty() && strict) ctx.fail(ids, "a set needs at least one problem");
    if (const YAML::Node points = entry.second["points"]) load_points(ctx, points, set);
    bank.sets.push_back(std::move(set));
  }
}

double ProblemSet::points_of(const std::string& problem) const {
  const auto it = points.find(problem);
  return it == points.end() ? 1.0 : it->second;
}

}  // namespace judge
