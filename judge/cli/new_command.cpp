// judge new ID: starts a problem in the bank the judge is pointed at. The
// files come from scaffold.h; here they are checked against the disk and
// written, never over anything that is already there.
#include "commands.h"

#include "hashing.h"
#include "scaffold.h"
#include "toolchain.h"
#include "track_list_edit.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace judge::cli {
namespace fs = std::filesystem;
namespace {

// Where a scaffold path ("solutions/ID/reference.cpp") goes in this workspace.
fs::path target(const Workspace& ws, const std::string& relative) {
  const auto slash = relative.find('/');
  const std::string folder = relative.substr(0, slash);
  const std::string rest = relative.substr(slash + 1);
  if (folder == "problems") return fs::path(ws.problems_dir()) / rest;
  if (folder == "solutions") return fs::path(ws.solutions_dir()) / rest;
  if (folder == "exercises") return fs::path(ws.exercises_dir()) / rest;
  return fs::path(ws.bank_root) / relative;
}

// The nearest folder of `path` that exists: where it would be created.
fs::path existing_folder(fs::path path) {
  std::error_code ec;
  do path = path.parent_path();
  while (!path.empty() && !fs::exists(path, ec) && path != path.parent_path());
  return path.empty() ? fs::path(".") : path;
}

// Writes a new file in one step, and never over one that appeared since the
// check: the content goes to a temporary name, then link() gives it its
// name only if that name is free.
void write_new_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  const fs::path tmp = path.string() + ".new" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  const int linked = link(tmp.c_str(), path.c_str());
  const int error = errno;
  fs::remove(tmp);
  if (linked != 0)
    throw std::runtime_error("cannot make " + path.string() + ": " + std::strerror(error));
}

}  // namespace

int run_new(Context& ctx, const ScaffoldRequest& request) {
  const Workspace& ws = ctx.workspace;
  if (fs::path(ws.root).lexically_normal() != fs::path(ws.bank_root).lexically_normal()) {
    std::cerr << "judge new: this is a workshop workspace, without a problem bank of its own; "
                 "run judge new in the bank it uses, "
              << ws.bank_root << "\n";
    return kExitUsage;
  }
  if (const std::string error = scaffold_error(request, ctx.bank); !error.empty()) {
    std::cerr << "judge new: " << error << "\n";
    return kExitUsage;
  }
  const ScaffoldRequest r = with_defaults(request, ctx.bank);
  const ScaffoldFiles files = scaffold_files(r, ctx.bank);

  std::vector<std::string> taken;
  std::error_code ec;
  for (const auto& [relative, content] : files)
    if (fs::exists(fs::symlink_status(target(ws, relative), ec)))
      taken.push_back(shown_path(target(ws, relative).string()));
  if (!taken.empty()) {
    std::string list;
    for (const auto& t : taken) list += "\n  " + t;
    std::cerr << "judge new: these files of " << r.id
              << " already exist, and judge new never overwrites:" << list
              << "\nMove them away, or choose another id.\n";
    return kExitUsage;
  }

  const fs::path tracks_path = fs::path(ws.problems_dir()) / "tracks.yaml";
  std::string tracks_text;
  if (!read_file(tracks_path.string(), tracks_text)) {
    std::cerr << "judge new: cannot read " << shown_path(tracks_path.string()) << "\n";
    return kExitUsage;
  }
  const TrackEdit edit = append_to_track(tracks_text, r.track, r.id);
  if (!edit.error.empty()) {
    std::cerr << "judge new: " << edit.error << "; nothing was written\n";
    return kExitUsage;
  }

  // Every folder a file goes in must take new files before the first is written.
  std::vector<fs::path> folders = {existing_folder(tracks_path)};
  for (const auto& [relative, content] : files)
    folders.push_back(existing_folder(target(ws, relative)));
  for (const auto& folder : folders)
    if (access(folder.c_str(), W_OK) != 0) {
      std::cerr << "judge new: cannot write in " << shown_path(folder.string()) << " ("
                << std::strerror(errno) << "); nothing was written\n";
      return kExitUsage;
    }

  std::vector<fs::path> written;
  try {
    for (const auto& [relative, content] : files) {
      write_new_file(target(ws, relative), content);
      written.push_back(target(ws, relative));
    }
    write_atomically(tracks_path.string(), edit.text);
  } catch (const std::exception&) {
    // Half a problem would load (or fail to) in every later command.
    for (const auto& f : written) fs::remove(f, ec);
    throw;
  }
  std::string made;
  for (const auto& f : written) made += "  " + shown_path(f.string()) + "\n";
  std::cout << fmt::format(
      "made\n{}and listed {} last in the track {} ({}).\n"
      "Next: fill in every {} (the statement with its worked example and `example:`, the\n"
      "cases, the reference, a wrong solution per trap, a correct one per style), then run\n"
      "`judge verify {}`. The stub's first line repeats the title: after changing it,\n"
      "`judge stub {} > {}` writes the stub again.\n",
      made, r.id, r.track, shown_path(tracks_path.string()), kPlaceholder, r.id, r.id,
      shown_path(target(ws, "exercises/" + r.id + ".cpp").string()));
  return kExitOk;
}

}  // namespace judge::cli
