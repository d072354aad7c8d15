#include "known_solutions.h"

#include "hashing.h"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

namespace judge {
namespace fs = std::filesystem;

void parse_solution_header(const std::string& text, KnownSolution& out) {
  static const std::regex expect_line(R"(^//\s*expect:\s*([a-z_]+)(?:\s+([a-z_]+|\*))?\s*$)");
  static const std::regex text_line(R"(^//\s*(mistake|explain)(\.zh)?:\s*(.*?)\s*$)");
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("//", 0) != 0) {
      if (line.empty()) continue;
      break;  // the header ends at the first line of code
    }
    std::smatch m;
    if (std::regex_match(line, m, expect_line)) {
      out.expect.push_back({m[1], m[2]});
    } else if (std::regex_match(line, m, text_line)) {
      LocalText& text = m[1] == "mistake" ? out.mistake : out.explain;
      const bool zh = m[2].matched;
      std::string& into = zh ? text.zh : text.en;
      // Chinese runs on without spaces; English lines join with one.
      if (!into.empty() && !zh) into += ' ';
      into += m[3];
    } else if (line.find("expect:") != std::string::npos) {
      out.errors.push_back(out.path + ":" + std::to_string(number) +
                           ": an expect line reads '// expect: VERDICT [GROUP]'");
    } else {
      const std::string words = line.substr(line.size() > 2 && line[2] == ' ' ? 3 : 2);
      out.about += (out.about.empty() || words.empty() ? "" : " ") + words;
    }
  }
}

std::vector<std::string> missing_mistake_texts(const KnownSolution& s) {
  std::vector<std::string> missing;
  if (s.kind != KnownSolution::Kind::kWrong) return missing;
  const std::pair<const char*, const std::string*> keys[] = {{"mistake", &s.mistake.en},
                                                             {"mistake.zh", &s.mistake.zh},
                                                             {"explain", &s.explain.en},
                                                             {"explain.zh", &s.explain.zh}};
  for (const auto& [key, text] : keys)
    if (text->empty())
      missing.push_back(s.path + ": no '// " + key +
                        ":' line (a known mistake tells the learner whose output matches it what "
                        "the mistake is and how to fix it, in English and Chinese)");
  return missing;
}

std::vector<KnownSolution> known_solutions(const std::string& solutions_dir,
                                           const std::string& problem) {
  std::vector<KnownSolution> out;
  const std::pair<const char*, KnownSolution::Kind> kinds[] = {
      {"wrong", KnownSolution::Kind::kWrong}, {"correct", KnownSolution::Kind::kCorrect}};
  for (const auto& [folder, kind] : kinds) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(fs::path(solutions_dir) / problem / folder, ec))
      if (f.path().extension() == ".cpp" && f.is_regular_file()) files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      KnownSolution s;
      s.kind = kind;
      s.problem = problem;
      s.name = f.stem().string();
      s.path = f.string();
      std::string text;
      read_file(s.path, text);
      parse_solution_header(text, s);
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace judge
