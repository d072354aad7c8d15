#include "workspace.h"

#include "hashing.h"
#include "judge_data.h"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace judge {
namespace fs = std::filesystem;

std::string Workspace::harness_dir() const {
  // A bank of an instructor's own, like a workshop workspace, carries no
  // judge sources: use the judge's own.
  const fs::path local = fs::path(bank_root) / "judge" / "harness";
  return fs::exists(local / "main.cpp")
             ? local.string()
             : (fs::path(judge_data().root) / "judge" / "harness").string();
}

std::string Workspace::cache_dir() const {
  auto set = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::string(value) : std::string();
  };
  if (const std::string dir = set("JUDGE_CACHE_DIR"); !dir.empty()) return dir;
  // The XDG base directory rules ignore a relative $XDG_CACHE_HOME.
  if (const std::string xdg = set("XDG_CACHE_HOME"); fs::path(xdg).is_absolute())
    return (fs::path(xdg) / "judge").string();
  if (const std::string home = set("HOME"); fs::path(home).is_absolute())
    return (fs::path(home) / ".cache" / "judge").string();
  return state_dir() + "/cache";
}

Workspace Workspace::at(const std::string& dir) {
  Workspace ws;
  ws.root = fs::absolute(dir).lexically_normal().string();
  ws.bank_root = ws.root;
  std::string marker;
  if (!fs::exists(fs::path(ws.root) / "problems" / "tracks.yaml") &&
      read_file((fs::path(ws.root) / kWorkspaceMarker).string(), marker)) {
    // The judge running here brings the bank: the marker names no path, so
    // the folder works wherever it is moved (older markers' "bank" is ignored).
    ws.workshop = true;
    ws.bank_root = judge_data().root;
    const auto json = nlohmann::json::parse(marker, nullptr, false);
    if (json.is_object()) ws.set = json.value("set", "");
  }
  return ws;
}

Workspace Workspace::locate() {
  if (const char* env = std::getenv("JUDGE_ROOT"); env != nullptr && *env != '\0') return at(env);
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "problems" / "tracks.yaml") || fs::exists(dir / kWorkspaceMarker))
      return at(dir.string());
    if (dir == dir.parent_path()) break;
  }
  return at(judge_data().root);
}

void Workspace::use_bank(const std::string& dir) {
  const fs::path bank = fs::absolute(dir).lexically_normal();
  if (!fs::is_regular_file(bank / "problems" / "tracks.yaml"))
    throw std::invalid_argument(dir +
                                " is not a problem bank: it has no problems/tracks.yaml "
                                "(a bank holds problems/, solutions/ and exercises/)");
  bank_root = bank.string();
}

void Workspace::choose_bank(const std::string& from_option) {
  if (!from_option.empty()) return use_bank(from_option);
  if (const char* env = std::getenv("JUDGE_BANK"); env != nullptr && *env != '\0') use_bank(env);
}

void State::load() {
  std::string text;
  if (!read_file(path_, text)) return;
  // A damaged state file only loses the learner's statuses, never blocks a check.
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object() || !json.contains("problems") || !json["problems"].is_object()) return;
  if (json.contains("quiz_seed") && json["quiz_seed"].is_string()) quiz_seed_ = json["quiz_seed"];
  for (const auto& [id, p] : json["problems"].items()) {
    if (!p.is_object()) continue;
    ProblemState s;
    s.status = p.value("status", "");
    s.passed = p.value("passed", 0);
    s.total = p.value("total", 0);
    s.hints_shown = p.value("hints_shown", 0);
    s.best_passed = p.value("best_passed", s.status == "passed" ? s.passed : 0);
    s.solved = p.value("solved", s.status == "passed");
    problems_[id] = s;
  }
}

void State::save() const {
  nlohmann::json json;
  json["version"] = 1;
  json["problems"] = nlohmann::json::object();
  if (!quiz_seed_.empty()) json["quiz_seed"] = quiz_seed_;
  for (const auto& [id, s] : problems_)
    json["problems"][id] = {{"status", s.status}, {"passed", s.passed},
                            {"total", s.total},   {"best_passed", s.best_passed},
                            {"solved", s.solved}, {"hints_shown", s.hints_shown}};
  fs::create_directories(fs::path(path_).parent_path());
  const std::string tmp = path_ + ".tmp" + unique_suffix();
  {
    std::ofstream out(tmp);
    out << json.dump(2) << "\n";
  }
  fs::rename(tmp, path_);
}

void State::record(const CheckResult& r) {
  ProblemState& s = at(r.problem);
  s.passed = r.passed();
  s.total = static_cast<int>(r.tests.size());
  bool not_implemented = !r.tests.empty();
  for (const auto& t : r.tests)
    not_implemented = not_implemented && t.verdict == Verdict::kNotImplemented;
  s.status = !r.judge_error.empty() ? "judge_error"
             : !r.refused.empty()   ? "refused"
             : !r.compiled          ? "compile_error"
             : not_implemented      ? "not_implemented"
             : r.all_passed()       ? "passed"
                                    : "failed";
  s.best_passed = std::max(s.best_passed, s.passed);
  s.solved = s.solved || s.status == "passed";
}

const ProblemState* State::find(const std::string& id) const {
  const auto it = problems_.find(id);
  return it == problems_.end() ? nullptr : &it->second;
}

State load_state(const Workspace& ws) {
  State state(ws.state_dir() + "/state.json");
  state.load();
  return state;
}

}  // namespace judge
