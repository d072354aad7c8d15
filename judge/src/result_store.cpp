#include "result_store.h"

#include "hashing.h"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>

namespace judge {
namespace {

using nlohmann::json;

// JSON has no inf or NaN; store every double as text.
std::string d2s(double x) {
  char buffer[64];
  snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}
double s2d(const json& j) { return std::strtod(j.get<std::string>().c_str(), nullptr); }

}  // namespace

void save_result(const std::string& path, const CheckResult& r) {
  json tests = json::array();
  for (const TestResult& t : r.tests) {
    json j = {{"group", t.group},
              {"name", t.name},
              {"verdict", verdict_name(t.verdict)},
              {"kind", static_cast<int>(t.kind)},
              {"message", t.message},
              {"message_zh", t.message_zh},
              {"step", t.step},
              {"origin", t.origin},
              {"inputs", t.inputs},
              {"seconds", d2s(t.seconds)},
              {"reference_seconds", d2s(t.reference_seconds)},
              {"limit_seconds", d2s(t.limit_seconds)},
              {"tolerance_ratio", d2s(t.tolerance_ratio)},
              {"memory_bytes", t.memory_bytes},
              {"memory_limit_bytes", t.memory_limit_bytes},
              {"output", t.output},
              {"explanation", {t.explanation.en, t.explanation.zh}}};
    if (t.grid) {
      const Grid& g = *t.grid;
      json expected = json::array(), got = json::array();
      for (double x : g.expected) expected.push_back(d2s(x));
      for (double x : g.got) got.push_back(d2s(x));
      j["grid"] = {{"output", g.output},   {"rows", g.rows}, {"cols", g.cols},
                   {"expected", expected}, {"got", got},     {"wrong", g.wrong}};
    }
    if (t.worst) {
      const Mismatch& m = *t.worst;
      j["worst"] = {{"output", m.output},
                    {"index", m.index},
                    {"expected", d2s(m.expected)},
                    {"got", d2s(m.got)},
                    {"error", d2s(m.error)},
                    {"allowed", d2s(m.allowed)},
                    {"expected_shape", m.expected_shape},
                    {"got_shape", m.got_shape}};
    }
    tests.push_back(j);
  }
  json doc = {{"problem", r.problem},
              {"file", r.file},
              {"compiled", r.compiled},
              {"compile_output", r.compile_output},
              {"program_output", r.program_output},
              {"judge_error", r.judge_error},
              {"tests", tests}};
  if (r.diagnosis) {
    const Diagnosis& d = *r.diagnosis;
    doc["diagnosis"] = {{"id", d.id},
                        {"mistake", {d.mistake.en, d.mistake.zh}},
                        {"explain", {d.explain.en, d.explain.zh}},
                        {"cases", d.cases}};
  }
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  const std::string tmp = path + ".tmp" + unique_suffix();
  {
    std::ofstream out(tmp);
    out << doc.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  std::filesystem::rename(tmp, path);
}

std::optional<CheckResult> load_result(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) return std::nullopt;
  try {
    const json doc = json::parse(text);
    CheckResult r;
    r.problem = doc.at("problem");
    r.file = doc.at("file");
    r.compiled = doc.at("compiled");
    r.compile_output = doc.at("compile_output");
    r.program_output = doc.at("program_output");
    r.judge_error = doc.at("judge_error");
    for (const json& j : doc.at("tests")) {
      TestResult t;
      t.group = j.at("group");
      t.name = j.at("name");
      t.verdict = verdict_from_name(j.at("verdict")).value();
      t.kind = static_cast<WrongKind>(j.at("kind").get<int>());
      t.message = j.at("message");
      t.message_zh = j.at("message_zh");
      t.step = j.at("step");
      t.origin = j.at("origin");
      t.inputs = j.at("inputs");
      t.seconds = s2d(j.at("seconds"));
      t.reference_seconds = s2d(j.at("reference_seconds"));
      t.limit_seconds = s2d(j.at("limit_seconds"));
      // An entry without the figures is from an older judge: a miss.
      t.tolerance_ratio = s2d(j.at("tolerance_ratio"));
      t.memory_bytes = j.at("memory_bytes");
      t.memory_limit_bytes = j.at("memory_limit_bytes");
      t.output = j.at("output");
      t.explanation = {j.at("explanation").at(0), j.at("explanation").at(1)};
      if (j.contains("grid")) {
        const json& g = j["grid"];
        Grid grid{g.at("output"), g.at("rows"), g.at("cols"), {}, {}, g.at("wrong")};
        for (const json& x : g.at("expected")) grid.expected.push_back(s2d(x));
        for (const json& x : g.at("got")) grid.got.push_back(s2d(x));
        t.grid = grid;
      }
      if (j.contains("worst")) {
        const json& w = j["worst"];
        t.worst = Mismatch{w.at("output"),         w.at("index"),      s2d(w.at("expected")),
                           s2d(w.at("got")),       s2d(w.at("error")), s2d(w.at("allowed")),
                           w.at("expected_shape"), w.at("got_shape")};
      }
      r.tests.push_back(std::move(t));
    }
    if (doc.contains("diagnosis")) {
      const json& d = doc["diagnosis"];
      r.diagnosis = Diagnosis{d.at("id"),
                              {d.at("mistake").at(0), d.at("mistake").at(1)},
                              {d.at("explain").at(0), d.at("explain").at(1)},
                              d.at("cases").get<std::vector<std::string>>()};
    }
    r.from_cache = true;
    return r;
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged cache entry is a miss
  }
}

}  // namespace judge
