#include "track_list_edit.h"

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <regex>
#include <vector>

namespace judge {
namespace {

constexpr std::size_t kColumns = 100;  // the width the bank's files keep to

struct Line {
  std::string text;  // without the line break
  std::string indent() const { return text.substr(0, text.find_first_not_of(' ')); }
  std::size_t depth() const { return indent().size(); }
  // Blank and comment-only lines belong to no block.
  bool counts() const {
    const auto at = text.find_first_not_of(" \t\r");
    return at != std::string::npos && text[at] != '#';
  }
};

std::vector<Line> split_lines(const std::string& text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    lines.push_back({text.substr(start, end == std::string::npos ? end : end - start)});
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// "  softmax:  # comment" -> key "softmax", rest "" (comments dropped).
struct Key {
  std::string name;
  std::string rest;
  std::size_t rest_column = 0;
};
std::optional<Key> key_of(const Line& line) {
  static const std::regex pattern(R"(^ *(["']?)([A-Za-z0-9_.-]+)\1[ \t]*:([ \t]+|$))");
  std::smatch m;
  if (!std::regex_search(line.text, m, pattern)) return std::nullopt;
  Key k;
  k.name = m[2];
  k.rest_column = static_cast<std::size_t>(m.length(0));
  k.rest = line.text.substr(k.rest_column);
  if (!k.rest.empty() && k.rest[0] == '#') k.rest.clear();
  while (!k.rest.empty() && (k.rest.back() == ' ' || k.rest.back() == '\r')) k.rest.pop_back();
  return k;
}

// The index of the line with `name` as a key among the children of the
// block at `parent` (its lines [begin, end)), or -1.
int find_child(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
               const std::string& name) {
  std::size_t depth = std::string::npos;
  for (std::size_t i = begin; i < end; ++i) {
    if (!lines[i].counts()) continue;
    if (depth == std::string::npos) depth = lines[i].depth();
    if (lines[i].depth() != depth) continue;
    if (const auto k = key_of(lines[i]); k && k->name == name) return static_cast<int>(i);
  }
  return -1;
}

// The lines after `at` that are indented deeper than it: its block.
std::size_t block_end(const std::vector<Line>& lines, std::size_t at) {
  std::size_t i = at + 1;
  for (; i < lines.size(); ++i)
    if (lines[i].counts() && lines[i].depth() <= lines[at].depth()) break;
  return i;
}

// Inserts into a flow list that opens at (line, column) of '['.
std::optional<std::vector<Line>> add_to_flow_list(std::vector<Line> lines, std::size_t line,
                                                  std::size_t column, const std::string& id) {
  // Walk to the matching ']', skipping quoted text and comments, and keep
  // the position of the last character of the last entry.
  std::optional<std::pair<std::size_t, std::size_t>> last;
  std::size_t first_entry_column = std::string::npos;
  std::size_t l = line, c = column + 1;
  char quote = 0;
  for (; l < lines.size(); ++l, c = 0) {
    const std::string& t = lines[l].text;
    for (; c < t.size(); ++c) {
      const char ch = t[c];
      if (quote != 0) {
        if (ch == quote) quote = 0;
        last = {l, c};
        continue;
      }
      if (ch == '#' && (c == 0 || t[c - 1] == ' ')) break;
      if (ch == ']') {
        if (!last) {  // an empty list: the id goes inside the brackets
          lines[l].text.insert(c, id);
          return lines;
        }
        // The last entry's line is head + rest, where rest holds what
        // follows the entry: "]", a "}" or a comment.
        std::string& at = lines[last->first].text;
        const bool comma = at[last->second] == ',';
        const std::string head = at.substr(0, last->second + 1);
        const std::string rest = at.substr(last->second + 1);
        if (at.size() + id.size() + 2 <= kColumns) {
          at = head + (comma ? " " : ", ") + id + rest;
        } else {  // wrap under the first entry, as the bank's lists do
          at = head + (comma ? "" : ",");
          lines.insert(lines.begin() + static_cast<long>(last->first) + 1,
                       Line{std::string(first_entry_column, ' ') + id + rest});
        }
        return lines;
      }
      if (ch == '[' || ch == '{') return std::nullopt;  // nested: not a list of ids
      if (ch == ' ' || ch == '\t' || ch == '\r') continue;
      if (ch == '"' || ch == '\'') quote = ch;
      if (first_entry_column == std::string::npos) first_entry_column = c;
      last = {l, c};
    }
  }
  return std::nullopt;
}

// Inserts "- id" after the last entry of a block list under line `key`.
std::optional<std::vector<Line>> add_to_block_list(std::vector<Line> lines, std::size_t key,
                                                   const std::string& id) {
  std::optional<std::size_t> last;
  for (std::size_t i = key + 1; i < lines.size(); ++i) {
    if (!lines[i].counts()) continue;
    const std::string& t = lines[i].text;
    const std::size_t depth = lines[i].depth();
    const bool item = t.compare(depth, 2, "- ") == 0 || t.substr(depth) == "-";
    // A block list may sit at its key's own depth: "problems:\n- a".
    if (!item || depth < lines[key].depth()) break;
    if (last && depth != lines[*last].depth()) break;
    last = i;
  }
  if (!last) return std::nullopt;
  lines.insert(lines.begin() + static_cast<long>(*last) + 1,
               Line{lines[*last].indent() + "- " + id});
  return lines;
}

// Each track's list as parsed, to prove an edit added exactly one entry.
std::optional<std::map<std::string, std::vector<std::string>>> track_lists(
    const std::string& text) {
  try {
    std::map<std::string, std::vector<std::string>> out;
    const YAML::Node root = YAML::Load(text);
    for (const auto& t : root["tracks"])
      for (const auto& p : t.second["problems"])
        out[t.first.as<std::string>()].push_back(p.as<std::string>());
    return out;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

TrackEdit append_to_track(const std::string& tracks_yaml, const std::string& track,
                          const std::string& id) {
  const std::string by_hand =
      "; add '" + id + "' to the problems of track '" + track + "' in tracks.yaml by hand";
  std::vector<Line> lines = split_lines(tracks_yaml);
  const int tracks = find_child(lines, 0, lines.size(), "tracks");
  if (tracks < 0 || lines[static_cast<std::size_t>(tracks)].depth() != 0)
    return {"", "tracks.yaml has no top-level 'tracks:' key" + by_hand};
  const auto t = static_cast<std::size_t>(tracks);
  const int at = find_child(lines, t + 1, block_end(lines, t), track);
  if (at < 0) return {"", "tracks.yaml has no block 'tracks: " + track + ":'" + by_hand};
  const auto a = static_cast<std::size_t>(at);
  const int list = find_child(lines, a + 1, block_end(lines, a), "problems");
  if (list < 0) return {"", "the track '" + track + "' has no 'problems:' line" + by_hand};
  const auto p = static_cast<std::size_t>(list);
  const Key key = *key_of(lines[p]);
  std::optional<std::vector<Line>> edited;
  if (key.rest.empty())
    edited = add_to_block_list(lines, p, id);
  else if (key.rest[0] == '[')
    edited = add_to_flow_list(lines, p, key.rest_column, id);
  if (!edited)
    return {"", "the problems of track '" + track + "' are not a plain list of ids" + by_hand};

  std::string text;
  for (std::size_t i = 0; i < edited->size(); ++i)
    text += (*edited)[i].text + (i + 1 < edited->size() ? "\n" : "");
  if (!tracks_yaml.empty() && tracks_yaml.back() == '\n') text += "\n";

  auto before = track_lists(tracks_yaml);
  const auto after = track_lists(text);
  if (before) (*before)[track].push_back(id);
  if (!before || !after || *before != *after)
    return {"", "editing tracks.yaml did not add exactly one entry" + by_hand};
  return {text, ""};
}

}  // namespace judge
