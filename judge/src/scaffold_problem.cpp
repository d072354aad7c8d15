// problems/ID.yaml of a new problem: every key the loader requires, with
// placeholders that load (so `judge show` and `judge check` work at once) and
// that `judge verify` rejects until an author replaces them.
#include "scaffold.h"

#include <fmt/format.h>

namespace judge {
namespace {

// A YAML double-quoted scalar: the signature is the author's text.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (static_cast<unsigned char>(c) < 0x20)
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out + "\"";
}

// A small argument of every type, so the placeholder cases load and run.
std::string small_literal(const CppType& type) {
  switch (type.kind) {
    case TypeKind::kReal:
      return "1.0";
    case TypeKind::kInteger:
      return "1";
    case TypeKind::kVector:
      return "[1, 2, 3]";
    case TypeKind::kMatrix:
      return "[[1, 2], [3, 4]]";
    case TypeKind::kMask:
      return "[[1, 0], [1, 1]]";
    case TypeKind::kIntList:
      return "[0, 1]";
    case TypeKind::kRecord: {
      std::string fields;
      for (const auto& f : type.record->fields)
        fields += (fields.empty() ? "" : ", ") + f.name + ": " + small_literal(f.type);
      return "{" + fields + "}";
    }
  }
  return "1";
}

// One case on one line while it fits in 100 columns, else one line per argument.
std::string case_text(const std::string& name, const Signature& sig) {
  std::string args, lines;
  for (const auto& p : sig.params) {
    args += (args.empty() ? "" : ", ") + p.name + ": " + small_literal(p.type);
    lines += "          " + p.name + ": " + small_literal(p.type) + "\n";
  }
  const std::string flow = "      - {name: " + name + ", args: {" + args + "}}\n";
  if (flow.size() <= 101) return flow;
  return "      - name: " + name + "\n        args:\n" + lines;
}

// A bilingual note: `en` and `zh` both start with the placeholder.
std::string note(const std::string& en, const std::string& zh) {
  return fmt::format("    note:\n      en: {}\n      zh: {}\n",
                     quoted(std::string(kPlaceholder) + ": " + en),
                     quoted(std::string(kPlaceholder) + "：" + zh));
}

bool is_tensor(TypeKind kind) {
  return kind == TypeKind::kVector || kind == TypeKind::kMatrix || kind == TypeKind::kMask ||
         kind == TypeKind::kIntList;
}

// How the random generator draws one argument; "" when it cannot (records).
std::string generated_arg(const Param& p) {
  switch (p.type.kind) {
    case TypeKind::kReal:
      return "{dist: log_uniform, range: [0.1, 10]}";
    case TypeKind::kInteger:
      return "{value: 1}";
    case TypeKind::kVector:
      return "{shape: [n], dist: normal, scale: [0.1, 30]}";
    case TypeKind::kMatrix:
      return "{shape: [n, d], dist: normal, scale: [0.1, 30]}";
    case TypeKind::kMask:
      return "{shape: [n, d], dist: bernoulli, p: 0.7}";
    case TypeKind::kIntList:
      return "{shape: [n], dist: uniform, range: [0, d-1]}";
    case TypeKind::kRecord:
      return "";
  }
  return "";
}

// The random group when the generator can make every argument and at least
// one is a tensor (random scalars alone test little); "" otherwise.
std::string random_group(const Signature& sig) {
  bool tensor = false, uses_d = false;
  std::string args;
  for (const auto& p : sig.params) {
    const std::string plan = generated_arg(p);
    if (plan.empty()) return "";
    tensor = tensor || is_tensor(p.type.kind);
    uses_d = uses_d || p.type.kind == TypeKind::kMatrix || p.type.kind == TypeKind::kMask ||
             p.type.kind == TypeKind::kIntList;
    args += "          " + p.name + ": " + plan + "\n";
  }
  if (!tensor) return "";
  return "  random:\n" +
         note("what the random inputs cover (a failure names its seed and shape)",
              "说明随机输入覆盖了什么；失败信息中的种子和形状可以复现该用例") +
         "    generate:\n"
         "      # " +
         kPlaceholder +
         ": shapes that fit together (every tensor here has n rows), and scales and\n"
         "      # offsets that reach the inputs that break a careless solution.\n"
         "      - generator: random\n"
         "        count: 12\n"
         "        seed: 7\n"
         "        dims: {n: [1, 64]" +
         (uses_d ? std::string(", d: [1, 64]") : "") +
         "}\n"
         "        args:\n" +
         args;
}

}  // namespace

std::string scaffold_problem_yaml(const ScaffoldRequest& r, const Signature& sig) {
  const std::string todo = kPlaceholder;
  const std::string& id = r.id;
  std::string s = fmt::format(
      "# {id}: made by `judge new`. Replace every {todo}, then run\n"
      "# `judge verify {id}`. docs/problem-format.md says what each key means.\n"
      "id: {id}\ntrack: {track}\ndifficulty: {difficulty}\n"
      "tags: []  # {todo}: a few tags, e.g. [softmax, numerical-stability]\n"
      "title:\n"
      "  en: {title}\n"
      "  zh: \"{todo}：用一句话说明 {id} 计算什么\"\n"
      "statement:\n"
      "  en: |\n"
      "    {todo}: what {id} computes, as a formula the learner can implement.\n"
      "    Say every convention the tests rely on: shapes, -inf entries, empty\n"
      "    inputs, and which arguments throw std::invalid_argument. End with the\n"
      "    worked example, its whole result printed: \"Example: ... gives ...\".\n"
      "  zh: |\n"
      "    {todo}：说明 {id} 计算什么，给出学习者可以直接实现的公式。\n"
      "    写清测试依赖的每一条约定：形状、-inf、空输入，以及哪些参数应抛出\n"
      "    std::invalid_argument。最后给出完整打印结果的示例：“示例：……得到……”。\n"
      "# example: {{case: sample/first, output: ...}}  {todo}: the statement's worked example\n"
      "signature: {signature}\n"
      "tolerance: {{atol: 1.0e-6, rtol: 1.0e-5}}\n"
      "hints:\n"
      "  - en: \"{todo}: a first hint that points the way without giving the answer\"\n"
      "    zh: \"{todo}：第一条提示，指明方向但不直接给出答案\"\n"
      "questions:\n"
      "  - question:\n"
      "      en: \"{todo}: a concept question about {id}\"\n"
      "      zh: \"{todo}：一个关于 {id} 的概念问题\"\n"
      "    answer:\n"
      "      en: \"{todo}: the model answer, shown after the learner answers\"\n"
      "      zh: \"{todo}：参考答案，在学习者作答后显示\"\n"
      "groups:\n"
      "  sample:\n"
      "    note:\n"
      "      en: \"This is the worked example from the statement.\"\n"
      "      zh: \"这是题目描述中的示例。\"\n"
      "    cases:\n"
      "      # {todo}: the statement's example, named by `example:` above.\n",
      fmt::arg("id", id), fmt::arg("todo", todo), fmt::arg("track", r.track),
      fmt::arg("difficulty", r.difficulty), fmt::arg("signature", quoted(sig.text)),
      fmt::arg("title", quoted(scaffold_title(id))));
  s += case_text("first", sig);
  s += "  basic:\n" +
       note("what these small hand-made cases check, and what to do when one fails",
            "说明这些手工构造的小用例检查什么，失败时该怎么做") +
       "    cases:\n      # " + todo +
       ": small non-square, non-symmetric cases: a transposed or wrong-axis\n"
       "      # answer must fail.\n" +
       case_text("small", sig);
  s += "  edge:\n" +
       note("which corner cases these are and the convention each one follows",
            "说明这些边界情况是什么，以及每种情况遵循的约定") +
       "    cases:\n      # " + todo +
       ": a single element, equal entries, -inf entries, empty inputs.\n" +
       case_text("corner", sig);
  s += "  invalid:\n" +
       note("which arguments are rejected, and why throwing is the right answer",
            "说明哪些参数会被拒绝，以及为什么应该抛出异常") +
       "    expect: invalid_argument\n    cases:\n      # " + todo +
       ": arguments that must throw std::invalid_argument (shapes that do not\n"
       "      # fit, ...), or delete this group if every argument is valid.\n" +
       case_text("rejected", sig);
  s += random_group(sig);
  return s;
}

}  // namespace judge
