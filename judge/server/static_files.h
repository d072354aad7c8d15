// The pages' files, read into memory once at start: the HTML pages, their
// scripts and styles, and the bundled editor. A request names a file by its
// base name and is answered from this map, so no request's text ever becomes
// a path on disk.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace judge::server {

struct StaticFile {
  std::string content;
  std::string content_type;
};

class StaticFiles {
 public:
  // Every .html, .js, .css, .svg and .map file directly in each folder (a
  // later folder's file of the same name wins). Missing folders are skipped.
  static StaticFiles load(const std::vector<std::string>& dirs);
  // nullptr when there is no such file.
  const StaticFile* find(const std::string& name) const;
  // The judge's own pages: an install's share/judge/judge/web, or in a
  // checkout judge/web and the build's web/ (judge_data.h).
  static std::vector<std::string> default_dirs();

 private:
  std::map<std::string, StaticFile> files_;
};

}  // namespace judge::server
