#include "bank.h"

#include "example_loader.h"
#include "generators.h"
#include "literal.h"
#include "records.h"
#include "signature.h"
#include "types.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <regex>
#include <set>

namespace judge {

LocalText parse_local_text(const YamlContext& ctx, const YAML::Node& node,
                           const std::string& what) {
  ctx.allow_keys(node, {"en", "zh"}, what);
  LocalText t;
  t.en = ctx.text(ctx.require(node, "en", what), what + " (en)");
  t.zh = ctx.text(ctx.require(node, "zh", what), what + " (zh)");
  if (t.en.empty() || t.zh.empty()) ctx.fail(node, what + " must not be empty");
  return t;
}

namespace {

const std::regex kIdPattern("[a-z0-9_]+");

Tolerance parse_tolerance(const YamlContext& ctx, const YAML::Node& node,
                          const std::vector<Signature>& signatures) {
  ctx.allow_keys(node, {"atol", "rtol", "magnitude"}, "a tolerance");
  Tolerance t;
  t.atol = ctx.number(ctx.require(node, "atol", "a tolerance"), "atol");
  t.rtol = ctx.number(ctx.require(node, "rtol", "a tolerance"), "rtol");
  if (!(t.atol >= 0 && t.atol < 1))
    ctx.fail(node["atol"], "atol must be a number from 0 to 1 (about 1e-6 for softmax outputs)");
  if (!(t.rtol >= 0 && t.rtol < 1))
    ctx.fail(node["rtol"], "rtol must be a number from 0 to 1 (about 1e-5 for softmax outputs)");
  if (t.atol == 0 && t.rtol == 0)
    ctx.fail(node, "atol and rtol cannot both be 0: float32 results are never exact");
  if (const YAML::Node m = node["magnitude"]) {
    ctx.allow_keys(m, {"factor", "of", "over", "masked_by", "divided_by", "times"},
                   "a magnitude term");
    MagnitudeTerm term;
    term.factor = ctx.number(ctx.require(m, "factor", "a magnitude term"), "factor");
    if (!(term.factor > 0 && term.factor <= 1e6))
      ctx.fail(m["factor"], "factor must be a positive number (4 is typical)");
    term.of = ctx.text(ctx.require(m, "of", "a magnitude term"), "of");
    bool found = false;
    std::vector<std::string> names;
    for (const auto& sig : signatures)
      for (const auto& p : sig.params) {
        names.push_back(p.name);
        found = found || (p.name == term.of &&
                          (p.type.kind == TypeKind::kVector || p.type.kind == TypeKind::kMatrix));
      }
    if (!found) {
      const std::string guess = closest_match(term.of, names);
      ctx.fail(m["of"], "magnitude 'of' must name a vector or matrix parameter" +
                            (guess.empty() ? std::string() : "; did you mean '" + guess + "'?"));
    }
    if (m["over"]) {
      const std::string over = ctx.text(m["over"], "over");
      if (over != "row" && over != "all") ctx.fail(m["over"], "over must be 'row' or 'all'");
      term.per_row = over == "row";
    }
    // Optional helpers name parameters of a given kind.
    auto parameter_of_kind = [&](const char* key, TypeKind kind, const char* kind_text) {
      const std::string name = ctx.text(m[key], key);
      for (const auto& sig : signatures)
        for (const auto& p : sig.params)
          if (p.name == name && p.type.kind == kind) return name;
      ctx.fail(m[key], std::string(key) + " must name a " + kind_text + " parameter");
    };
    if (const YAML::Node times = m["times"]) {
      ctx.expect_sequence(times, "times");
      for (const auto& t : times) {
        const std::string name = ctx.text(t, "times");
        bool tensor = false;
        for (const auto& sig : signatures)
          for (const auto& p : sig.params)
            tensor = tensor || (p.name == name && (p.type.kind == TypeKind::kVector ||
                                                   p.type.kind == TypeKind::kMatrix));
        if (!tensor)
          ctx.fail(t, "times must list vector or matrix parameters; '" + name + "' is not one");
        term.times.push_back(name);
      }
    }
    if (m["masked_by"]) term.masked_by = parameter_of_kind("masked_by", TypeKind::kMask, "mask");
    if (m["divided_by"])
      term.divided_by = parameter_of_kind("divided_by", TypeKind::kReal, "float");
    t.magnitude = term;
  }
  return t;
}

// "$2" or "$2.cache": an earlier step's result or in-out parameter.
bool parse_reference(const YamlContext& ctx, const YAML::Node& node, std::size_t step_index,
                     const std::vector<Signature>& sigs, const std::vector<Step>& steps,
                     const Param& param, ArgRef& out) {
  if (!node.IsScalar() || node.Scalar().empty() || node.Scalar()[0] != '$') return false;
  static const std::regex pattern(R"(\$([0-9]+)(\.([a-z_][a-z0-9_]*))?)");
  std::smatch m;
  const std::string text = node.Scalar();
  if (!std::regex_match(text, m, pattern))
    ctx.fail(node, "'" + text + "' is not a step reference; write $K or $K.name");
  const std::size_t k = std::stoul(m[1]);
  if (k >= step_index)
    ctx.fail(node, "'" + text + "' must refer to an earlier step (0.." +
                       std::to_string(step_index) + ")");
  const Signature& earlier = sigs[steps[k].function];
  out.is_inline = false;
  out.step = static_cast<std::uint32_t>(k);
  CppType kind = earlier.result;
  if (m[3].matched) {
    out.slot = earlier.param_index(m[3]);
    if (out.slot < 0 || !earlier.params[static_cast<std::size_t>(out.slot)].type.in_out)
      ctx.fail(node, "step " + std::to_string(k) + " (" + earlier.name +
                         ") has no in-out parameter '" + std::string(m[3]) + "'");
    kind = earlier.params[static_cast<std::size_t>(out.slot)].type;
  }
  if (kind.kind != param.type.kind || kind.record != param.type.record)
    ctx.fail(node, "'" + text + "' is " + describe_type(kind) + " but '" + param.name + "' needs " +
                       describe_type(param.type));
  return true;
}

Step parse_call(const YamlContext& ctx, const YAML::Node& args, const Signature& sig,
                std::uint32_t function, std::size_t step_index, const std::vector<Signature>& sigs,
                const std::vector<Step>& steps) {
  std::vector<std::string> names;
  for (const auto& p : sig.params) names.push_back(p.name);
  ctx.allow_keys(args, names, "the arguments of " + sig.name);
  Step step;
  step.function = function;
  for (const Param& p : sig.params) {
    const YAML::Node a = args[p.name];
    if (!a) ctx.fail(args, sig.name + " needs the argument '" + p.name + "'");
    ArgRef ref;
    if (!parse_reference(ctx, a, step_index, sigs, steps, p, ref))
      ref.value = parse_literal(ctx, a, p.type, "argument '" + p.name + "'");
    step.args.push_back(std::move(ref));
  }
  return step;
}

CaseSpec parse_case(const YamlContext& ctx, const YAML::Node& node,
                    const std::vector<Signature>& sigs) {
  ctx.allow_keys(node, {"name", "args", "steps"}, "a case");
  CaseSpec c;
  c.name = ctx.text(ctx.require(node, "name", "a case"), "a case name");
  if (!std::regex_match(c.name, kIdPattern))
    ctx.fail(node["name"], "a case name uses only a-z, 0-9 and _ (it is shown as group/name)");
  if (node["args"] && node["steps"]) ctx.fail(node, "a case has either args or steps, not both");
  if (node["args"]) {
    if (sigs.size() != 1)
      ctx.fail(node["args"], "this problem has several functions: write the case as steps");
    c.steps.push_back(parse_call(ctx, node["args"], sigs[0], 0, 0, sigs, c.steps));
    return c;
  }
  const YAML::Node steps = ctx.require(node, "steps", "a case (args or steps)");
  ctx.expect_sequence(steps, "steps");
  if (steps.size() == 0) ctx.fail(steps, "steps must not be empty");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    ctx.allow_keys(steps[i], {"call", "args"}, "a step");
    const std::string call = ctx.text(ctx.require(steps[i], "call", "a step"), "call");
    std::vector<std::string> names;
    std::uint32_t index = 0;
    bool found = false;
    for (std::size_t f = 0; f < sigs.size(); ++f) {
      names.push_back(sigs[f].name);
      if (sigs[f].name == call) index = static_cast<std::uint32_t>(f), found = true;
    }
    if (!found) {
      const std::string guess = closest_match(call, names);
      ctx.fail(steps[i]["call"], "unknown function '" + call + "'" +
                                     (guess.empty() ? "" : "; did you mean '" + guess + "'?"));
    }
    c.steps.push_back(parse_call(ctx, ctx.require(steps[i], "args", "a step"), sigs[index], index,
                                 i, sigs, c.steps));
  }
  return c;
}

Group parse_group(const YamlContext& ctx, const YAML::Node& key, const YAML::Node& node,
                  const Problem& p) {
  Group g;
  g.name = key.as<std::string>();
  std::vector<std::string> names;
  for (int k = 0; k <= static_cast<int>(GroupKind::kPerformance); ++k)
    names.emplace_back(group_name(static_cast<GroupKind>(k)));
  const auto kind = group_from_name(g.name);
  if (!kind) {
    const std::string guess = closest_match(g.name, names);
    ctx.fail(key, "unknown group '" + g.name + "'" +
                      (guess.empty() ? "; groups are sample, basic, shapes, stability, edge, "
                                       "invalid, random, performance"
                                     : "; did you mean '" + guess + "'?"));
  }
  g.kind = *kind;
  ctx.allow_keys(
      node, {"note", "cases", "generate", "tolerance", "expect", "time_factor", "memory_factor"},
      "the group " + g.name);
  g.note = parse_local_text(ctx, ctx.require(node, "note", "the group " + g.name), "the note");
  g.tolerance =
      node["tolerance"] ? parse_tolerance(ctx, node["tolerance"], p.signatures) : p.tolerance;
  if (node["expect"]) {
    if (ctx.text(node["expect"], "expect") != "invalid_argument")
      ctx.fail(node["expect"], "expect can only be invalid_argument");
    if (g.kind != GroupKind::kInvalid)
      ctx.fail(node["expect"], "expect belongs to the invalid group");
    g.expect_invalid = true;
  } else if (g.kind == GroupKind::kInvalid) {
    ctx.fail(node, "the invalid group needs 'expect: invalid_argument'");
  }
  if (node["time_factor"]) {
    if (g.kind != GroupKind::kPerformance)
      ctx.fail(node["time_factor"], "time_factor belongs to the performance group");
    g.time_factor = ctx.number(node["time_factor"], "time_factor");
    if (!(g.time_factor >= 2 && g.time_factor <= 1000))
      ctx.fail(node["time_factor"],
               "time_factor must be from 2 to 1000 (times the reference's time)");
  }
  if (node["memory_factor"]) {
    if (g.kind != GroupKind::kPerformance)
      ctx.fail(node["memory_factor"], "memory_factor belongs to the performance group");
    g.memory_factor = ctx.number(node["memory_factor"], "memory_factor");
    if (!(g.memory_factor >= 1 && g.memory_factor <= 1000))
      ctx.fail(node["memory_factor"],
               "memory_factor must be from 1 to 1000 (times the inputs' size)");
  }
  if (g.kind == GroupKind::kPerformance && g.time_factor == 0 && g.memory_factor == 0)
    ctx.fail(node, "the performance group needs time_factor, memory_factor or both");
  if (node["cases"]) {
    ctx.expect_sequence(node["cases"], "cases");
    std::set<std::string> seen;
    for (const auto& c : node["cases"]) {
      g.cases.push_back(parse_case(ctx, c, p.signatures));
      if (!seen.insert(g.cases.back().name).second)
        ctx.fail(c["name"],
                 "the case name '" + g.cases.back().name + "' is used twice in " + g.name);
    }
  }
  if (node["generate"]) {
    ctx.expect_sequence(node["generate"], "generate");
    for (const auto& gen : node["generate"])
      g.generators.push_back(parse_generator(ctx, gen, p.signatures));
  }
  if (g.cases.empty() && g.generators.empty())
    ctx.fail(node, "the group " + g.name + " has no cases");
  return g;
}

}  // namespace

const char* group_name(GroupKind kind) {
  static const char* const kNames[] = {"sample", "basic",   "shapes", "stability",
                                       "edge",   "invalid", "random", "performance"};
  return kNames[static_cast<int>(kind)];
}

std::optional<GroupKind> group_from_name(const std::string& name) {
  for (int k = 0; k <= static_cast<int>(GroupKind::kPerformance); ++k)
    if (name == group_name(static_cast<GroupKind>(k))) return static_cast<GroupKind>(k);
  return std::nullopt;
}

const Signature* Problem::signature(const std::string& wanted) const {
  for (const auto& s : signatures)
    if (s.name == wanted) return &s;
  return nullptr;
}

Problem load_problem(const std::string& path) {
  return load_problem(
      path, load_records((std::filesystem::path(path).parent_path() / "records.yaml").string()));
}

Problem load_problem(const std::string& path, const RecordTypes& records) {
  YamlContext ctx(path);
  YAML::Node root = ctx.load_file();
  if (!root.IsMap())
    throw BankError(path + ":1:1: a problem file is a mapping (id: ..., title: ...)");
  ctx.allow_keys(root,
                 {"id", "track", "difficulty", "tags", "title", "statement", "signature",
                  "tolerance", "hints", "questions", "groups", "example"},
                 "the problem");
  Problem p;
  p.file = path;
  p.id = ctx.text(ctx.require(root, "id", "the problem"), "id");
  if (!std::regex_match(p.id, kIdPattern)) ctx.fail(root["id"], "id uses only a-z, 0-9 and _");
  const std::string stem = std::filesystem::path(path).stem().string();
  if (stem != p.id)
    ctx.fail(root["id"], "id '" + p.id + "' must match the file name '" + stem + ".yaml'");
  p.track = ctx.text(ctx.require(root, "track", "the problem"), "track");
  p.difficulty = ctx.text(ctx.require(root, "difficulty", "the problem"), "difficulty");
  if (p.difficulty != "easy" && p.difficulty != "medium" && p.difficulty != "hard")
    ctx.fail(root["difficulty"], "difficulty is easy, medium or hard");
  if (root["tags"]) {
    ctx.expect_sequence(root["tags"], "tags");
    for (const auto& t : root["tags"]) p.tags.push_back(ctx.text(t, "a tag"));
  }
  p.title = parse_local_text(ctx, ctx.require(root, "title", "the problem"), "title");
  p.statement = parse_local_text(ctx, ctx.require(root, "statement", "the problem"), "statement");

  const YAML::Node sig = ctx.require(root, "signature", "the problem");
  std::vector<YAML::Node> sig_nodes;
  if (sig.IsSequence()) {
    for (const auto& s : sig) sig_nodes.push_back(s);
  } else {
    sig_nodes.push_back(sig);
  }
  if (sig_nodes.empty()) ctx.fail(sig, "signature must not be empty");
  for (const auto& s : sig_nodes) {
    try {
      p.signatures.push_back(parse_signature(ctx.text(s, "signature"), records));
    } catch (const SignatureError& e) {
      ctx.fail(s, std::string("signature: ") + e.what());
    }
    for (std::size_t i = 0; i + 1 < p.signatures.size(); ++i)
      if (p.signatures[i].name == p.signatures.back().name)
        ctx.fail(s, "the function " + p.signatures.back().name + " is declared twice");
  }
  p.tolerance = parse_tolerance(ctx, ctx.require(root, "tolerance", "the problem"), p.signatures);

  const YAML::Node hints = ctx.require(root, "hints", "the problem");
  ctx.expect_sequence(hints, "hints");
  for (const auto& h : hints) p.hints.push_back(parse_local_text(ctx, h, "a hint"));
  if (p.hints.empty()) ctx.fail(hints, "give at least one hint");

  if (const YAML::Node questions = root["questions"]) {
    ctx.expect_sequence(questions, "questions");
    for (const auto& q : questions) {
      ctx.allow_keys(q, {"question", "answer", "choices", "correct"}, "a question");
      Question question;
      question.question =
          parse_local_text(ctx, ctx.require(q, "question", "a question"), "the question");
      question.answer =
          parse_local_text(ctx, ctx.require(q, "answer", "a question"), "the model answer");
      if (q["choices"]) {
        ctx.expect_sequence(q["choices"], "choices");
        for (const auto& c : q["choices"])
          question.choices.push_back(parse_local_text(ctx, c, "a choice"));
        if (question.choices.size() < 2)
          ctx.fail(q["choices"], "a multiple-choice question needs 2 or more choices");
        const long long correct =
            ctx.integer(ctx.require(q, "correct", "a multiple-choice question"), "correct");
        if (correct < 0 || correct >= static_cast<long long>(question.choices.size()))
          ctx.fail(q["correct"], "correct is the 0-based index of the right choice");
        question.correct = static_cast<int>(correct);
      } else if (q["correct"]) {
        ctx.fail(q["correct"], "correct goes with choices");
      }
      p.questions.push_back(std::move(question));
    }
  }

  const YAML::Node groups = ctx.require(root, "groups", "the problem");
  ctx.expect_map(groups, "groups");
  for (const auto& entry : groups)
    p.groups.push_back(parse_group(ctx, entry.first, entry.second, p));
  std::stable_sort(p.groups.begin(), p.groups.end(),
                   [](const Group& a, const Group& b) { return a.kind < b.kind; });
  if (p.groups.empty() || p.groups.front().kind != GroupKind::kSample)
    ctx.fail(groups, "every problem needs a sample group (the statement's worked example)");
  if (const YAML::Node example = root["example"]) p.example = parse_worked_example(ctx, example, p);
  return p;
}

Bank load_bank(const std::string& problems_dir, bool strict, std::vector<std::string>* warnings,
               const std::set<std::string>* only) {
  const auto wanted = [only](const std::string& id) { return only == nullptr || only->count(id); };
  namespace fs = std::filesystem;
  Bank bank;
  const std::string tracks_path = (fs::path(problems_dir) / "tracks.yaml").string();
  YamlContext ctx(tracks_path);
  if (!fs::exists(tracks_path))
    throw BankError(tracks_path + ": cannot read the file (is this a judge workspace?)");
  const YAML::Node root = ctx.load_file();
  bank.records = load_records((fs::path(problems_dir) / "records.yaml").string());
  ctx.allow_keys(root, {"tracks"}, "tracks.yaml");
  const YAML::Node tracks = ctx.require(root, "tracks", "tracks.yaml");
  ctx.expect_map(tracks, "tracks");
  std::set<std::string> listed;
  for (const auto& entry : tracks) {
    Track t;
    t.id = entry.first.as<std::string>();
    ctx.allow_keys(entry.second, {"title", "problems"}, "the track " + t.id);
    t.title =
        parse_local_text(ctx, ctx.require(entry.second, "title", "a track"), "the track title");
    const YAML::Node ids = ctx.require(entry.second, "problems", "a track");
    ctx.expect_sequence(ids, "problems");
    for (const auto& id_node : ids) {
      const std::string id = ctx.text(id_node, "a problem id");
      if (!listed.insert(id).second) ctx.fail(id_node, "problem '" + id + "' is listed twice");
      const fs::path file = fs::path(problems_dir) / (id + ".yaml");
      if (!fs::exists(file)) {
        if (strict) ctx.fail(id_node, "there is no file " + file.string());
        if (warnings != nullptr)
          warnings->push_back(ctx.where(id_node) + ": there is no file " + file.string());
        continue;
      }
      t.problems.push_back(id);
      if (!wanted(id)) continue;
      bank.problems.push_back(load_problem(file.string(), bank.records));
      if (bank.problems.back().track != t.id)
        throw BankError(file.string() + ": track is '" + bank.problems.back().track +
                        "' but tracks.yaml lists it under '" + t.id + "'");
    }
    bank.tracks.push_back(std::move(t));
  }
  for (const auto& f : fs::directory_iterator(problems_dir)) {
    const std::string name = f.path().filename().string();
    if (f.path().extension() != ".yaml" || name == "tracks.yaml" || name == "sets.yaml" ||
        name == "records.yaml")
      continue;
    if (listed.count(f.path().stem().string()) != 0) continue;
    const std::string message =
        f.path().string() + ": this problem is not listed in " + tracks_path;
    if (strict) throw BankError(message);
    if (!wanted(f.path().stem().string())) continue;
    Problem p = load_problem(f.path().string(), bank.records);
    auto track = std::find_if(bank.tracks.begin(), bank.tracks.end(),
                              [&](const Track& t) { return t.id == p.track; });
    if (track == bank.tracks.end())
      throw BankError(f.path().string() + ": unknown track '" + p.track + "'");
    track->problems.push_back(p.id);
    bank.problems.push_back(std::move(p));
    if (warnings != nullptr) warnings->push_back(message);
  }
  load_sets(problems_dir, bank, strict, warnings);
  return bank;
}

const ProblemSet* Bank::find_set(const std::string& id) const {
  for (const auto& s : sets)
    if (s.id == id) return &s;
  return nullptr;
}

const Problem* Bank::find(const std::string& id) const {
  for (const auto& p : problems)
    if (p.id == id) return &p;
  return nullptr;
}

std::vector<std::string> Bank::ids() const {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.id);
  return out;
}

std::vector<std::string> Bank::listed_ids() const {
  std::vector<std::string> out;
  for (const auto& t : tracks) out.insert(out.end(), t.problems.begin(), t.problems.end());
  // A bank put together by hand (in tests) may have problems and no tracks.
  return out.empty() ? ids() : out;
}

}  // namespace judge
