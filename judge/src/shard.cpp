#include "shard.h"

#include "hashing.h"
#include "text.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace judge {
namespace fs = std::filesystem;

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  const auto whole = [](const std::string& part) {
    return !part.empty() && part.size() <= 5 &&
           part.find_first_not_of("0123456789") == std::string::npos;
  };
  if (slash != std::string::npos && whole(text.substr(0, slash)) && whole(text.substr(slash + 1))) {
    Shard s{std::stoi(text.substr(0, slash)), std::stoi(text.substr(slash + 1))};
    if (s.count >= 1 && s.count <= 10000 && s.index < s.count) return s;
  }
  throw std::invalid_argument("--shard wants I/N with 0 <= I < N <= 10000 (shards count from 0, "
                              "as SLURM_ARRAY_TASK_ID with --array=0-(N-1)); got '" +
                              text + "'");
}

bool shard_owns(const Shard& shard, const std::string& learner, const std::string& problem) {
  if (!shard.sharded()) return true;
  // A NUL cannot be in a folder name, so no two pairs hash the same text.
  const std::string digest = sha256_hex(learner + std::string(1, '\0') + problem);
  const unsigned long long bucket = std::stoull(digest.substr(0, 15), nullptr, 16);
  return static_cast<int>(bucket % static_cast<unsigned long long>(shard.count)) == shard.index;
}

GradedProblem graded_from_entry(const std::string& problem, double points,
                                const nlohmann::json& entry) {
  GradedProblem p;
  p.problem = problem;
  p.points = points;
  p.attempted = entry.value("attempted", false);
  p.empty = entry.value("empty", false);
  p.source = entry.value("source", "");
  p.passed = entry.value("passed", 0);
  p.total = entry.value("total", 0);
  p.result = entry.value("result", nlohmann::json::object());
  return p;
}

nlohmann::json entry_of(const GradedProblem& graded) {
  return {{"attempted", graded.attempted}, {"empty", graded.empty}, {"source", graded.source},
          {"passed", graded.passed},       {"total", graded.total}, {"result", graded.result}};
}

void write_shard_file(const ShardFile& file, const std::string& out_dir) {
  // Learner ids are folder names, any bytes: hex keeps them exact in JSON.
  nlohmann::json learners = nlohmann::json::array();
  for (const auto& l : file.learners) learners.push_back(to_hex(l));
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : file.entries)
    entries.push_back({{"learner_hex", to_hex(e.learner)}, {"problem", e.problem}, {"entry", e.entry}});
  const nlohmann::json doc{{"shard", file.shard.index},
                           {"judge_version", file.provenance.judge_version},
                           {"bank_hash", file.provenance.bank_hash},
                           {"graded_at", file.provenance.graded_at},
                           {"count", file.shard.count},
                           {"title", file.title},
                           {"problems", file.problems},
                           {"points", file.points},
                           {"base_code", file.base_code},
                           {"learners_hex", learners},
                           {"warnings", file.warnings},
                           {"entries", entries}};
  const fs::path path = fs::path(out_dir) / kShardFileName;
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

ShardFile read_shard_file(const std::string& out_dir) {
  const fs::path path = fs::path(out_dir) / kShardFileName;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error(path.string() + " is missing: is " + out_dir +
                             " the --out of a `judge grade --shard I/N` run that finished?");
  std::stringstream text;
  text << in.rdbuf();
  try {
    const nlohmann::json doc = nlohmann::json::parse(text.str());
    ShardFile file;
    file.shard = {doc.at("shard").get<int>(), doc.at("count").get<int>()};
    file.provenance = {doc.at("judge_version").get<std::string>(),
                       doc.at("bank_hash").get<std::string>(),
                       doc.at("graded_at").get<std::string>()};
    file.title = doc.at("title").get<std::string>();
    file.problems = doc.at("problems").get<std::vector<std::string>>();
    file.points = doc.at("points").get<std::vector<double>>();
    file.base_code = doc.at("base_code").get<std::vector<std::string>>();
    for (const auto& l : doc.at("learners_hex")) file.learners.push_back(from_hex(l.get<std::string>()));
    file.warnings = doc.at("warnings").get<std::vector<std::string>>();
    for (const auto& e : doc.at("entries"))
      file.entries.push_back({from_hex(e.at("learner_hex").get<std::string>()),
                              e.at("problem").get<std::string>(), e.at("entry")});
    return file;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path.string() + " is not a shard file the judge wrote: " + e.what());
  }
}

GradeBook merge_shards(const std::vector<std::string>& shard_dirs,
                       std::vector<std::string>* warnings) {
  if (shard_dirs.empty()) throw std::runtime_error("judge merge needs the shards' folders");
  std::vector<ShardFile> files;
  for (const auto& dir : shard_dirs) files.push_back(read_shard_file(dir));
  const ShardFile& first = files.front();
  std::set<int> seen;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const ShardFile& f = files[i];
    if (f.shard.count != first.shard.count || f.title != first.title ||
        f.problems != first.problems || f.points != first.points || f.learners != first.learners)
      throw std::runtime_error(shard_dirs[i] + " is a shard of another grading than " +
                               shard_dirs[0] + " (its class, problems or shard count differ)");
    if (f.provenance.judge_version != first.provenance.judge_version ||
        f.provenance.bank_hash != first.provenance.bank_hash)
      throw std::runtime_error(shard_dirs[i] + " was graded by judge " +
                               f.provenance.judge_version + " with bank " +
                               f.provenance.bank_hash + ", " + shard_dirs[0] + " by judge " +
                               first.provenance.judge_version + " with bank " +
                               first.provenance.bank_hash + ": grade every shard alike");
    if (!seen.insert(f.shard.index).second)
      throw std::runtime_error(shard_dirs[i] + " repeats shard " + std::to_string(f.shard.index));
  }
  for (int index = 0; index < first.shard.count; ++index)
    if (!seen.count(index))
      throw std::runtime_error("shard " + std::to_string(index) + "/" +
                               std::to_string(first.shard.count) +
                               " is missing: give all of the grading's shard folders");

  // Every pair from the shard that owns it, in the order an unsharded run uses.
  std::map<std::pair<std::string, std::string>, const nlohmann::json*> entries;
  for (const ShardFile& f : files)
    for (const auto& e : f.entries)
      if (shard_owns(f.shard, e.learner, e.problem)) entries[{e.learner, e.problem}] = &e.entry;
  GradeBook book;
  book.title = first.title;
  book.provenance = first.provenance;
  for (const ShardFile& f : files)  // the grading ended when its last shard did
    book.provenance.graded_at = std::max(book.provenance.graded_at, f.provenance.graded_at);
  book.problems = first.problems;
  book.points = first.points;
  book.base_code = first.base_code;
  for (const auto& learner : first.learners) {
    GradedLearner row{learner, {}};
    for (std::size_t p = 0; p < book.problems.size(); ++p) {
      const auto it = entries.find({learner, book.problems[p]});
      if (it == entries.end())
        throw std::runtime_error("no shard graded " + printable_line(learner) + "/" +
                                 book.problems[p] + ": did one of them stop early?");
      row.problems.push_back(graded_from_entry(book.problems[p], book.points[p], *it->second));
    }
    book.learners.push_back(std::move(row));
  }
  if (warnings != nullptr)
    for (const ShardFile& f : files)
      for (const auto& w : f.warnings)
        if (std::find(warnings->begin(), warnings->end(), w) == warnings->end()) warnings->push_back(w);
  return book;
}

}  // namespace judge
