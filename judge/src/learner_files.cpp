#include "learner_files.h"

#include "fd.h"
#include "hashing.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace judge {
namespace {

std::string what_it_is(mode_t mode) {
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string refusal_for(const std::string& shown, mode_t mode, bool want_folder) {
  if (S_ISLNK(mode))
    return shown + " is a symbolic link; the judge reads only real files and folders";
  return fmt::format("{} is {}, not {}", shown, what_it_is(mode),
                     want_folder ? "a folder" : "a regular file");
}

std::vector<std::string> split(const std::string& relative) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= relative.size()) {
    const std::size_t end = std::min(relative.find('/', start), relative.size());
    if (end > start) parts.push_back(relative.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Opens the folders of `parts` (all but the last) below `base`, never
// through a link; `dir` ends up on the last one.
ReadStatus open_folders(const std::string& base, const std::vector<std::string>& parts,
                        const std::string& shown, Fd& dir, bool& missing) {
  missing = false;
  dir = Fd(open(base.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0)
    return ReadStatus::refuse(fmt::format("{} cannot be opened: {}", base, std::strerror(errno)));
  std::string walked = shown;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    walked += parts[i];
    struct stat st {};
    if (fstatat(dir.get(), parts[i].c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
      missing = errno == ENOENT;
      return ReadStatus::refuse(fmt::format("{} cannot be read: {}", walked, std::strerror(errno)));
    }
    if (!S_ISDIR(st.st_mode)) return ReadStatus::refuse(refusal_for(walked, st.st_mode, true));
    Fd next(openat(dir.get(), parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (next.get() < 0)
      return ReadStatus::refuse(
          errno == ELOOP || errno == ENOTDIR
              ? refusal_for(walked, S_IFLNK, true)
              : fmt::format("{} cannot be opened: {}", walked, std::strerror(errno)));
    dir = std::move(next);
    walked += "/";
  }
  return {};
}

// Reads one regular file of `dir` into `out`: checked before opening (no
// device is ever opened), opened without following a link and without
// blocking (a FIFO swapped in cannot hang the judge), checked again, and
// read no further than `cap` + 1 bytes.
ReadStatus read_regular(int dir, const std::string& name, const std::string& shown, std::size_t cap,
                        std::string& out) {
  struct stat st {};
  if (fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
    return ReadStatus::refuse(fmt::format("{} cannot be read: {}", shown, std::strerror(errno)));
  if (!S_ISREG(st.st_mode)) return ReadStatus::refuse(refusal_for(shown, st.st_mode, false));
  const auto too_large = [&] {
    return ReadStatus::refuse(
        fmt::format("{} is larger than {} KiB; hand in the source file only", shown, cap >> 10));
  };
  if (static_cast<std::uint64_t>(st.st_size) > cap) return too_large();
  Fd fd(openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (fd.get() < 0)
    return ReadStatus::refuse(
        errno == ELOOP ? refusal_for(shown, S_IFLNK, false)
                       : fmt::format("{} cannot be read: {}", shown, std::strerror(errno)));
  if (fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
    return ReadStatus::refuse(refusal_for(shown, st.st_mode, false));
  out.clear();
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      return ReadStatus::refuse(fmt::format("{} cannot be read: {}", shown, std::strerror(errno)));
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > cap) return too_large();
  }
  return {};
}

bool is_header_name(const std::string& name) {
  const std::string ext = std::filesystem::path(name).extension().string();
  // exercise.h stays the judge's own: an edited copy must not change the build.
  return (ext == ".h" || ext == ".hpp") && name != "exercise.h";
}

// The headers beside the learner's file, in name order, at most kMaxLearnerHeaders.
ReadStatus read_headers(int dir, const std::string& shown_dir, LearnerSources& out) {
  const int listing = dup(dir);
  DIR* d = listing >= 0 ? fdopendir(listing) : nullptr;
  if (d == nullptr) {
    if (listing >= 0) close(listing);
    return ReadStatus::refuse(shown_dir + " cannot be listed: " + std::strerror(errno));
  }
  std::vector<std::string> names;
  while (const dirent* entry = readdir(d))
    if (is_header_name(entry->d_name)) names.emplace_back(entry->d_name);
  closedir(d);
  std::sort(names.begin(), names.end());
  if (names.size() > kMaxLearnerHeaders) names.resize(kMaxLearnerHeaders);
  for (const auto& name : names) {
    std::string content;
    const ReadStatus s = read_regular(dir, name, shown_dir + name, kMaxLearnerHeaderBytes, content);
    if (!s.ok) return s;
    out.headers.emplace_back(name, std::move(content));
  }
  return {};
}

}  // namespace

std::string LearnerSources::fingerprint() const {
  Hasher h;
  h.add(source);
  for (const auto& [name, content] : headers) h.add(name).add(content);
  return h.hex();
}

ReadStatus read_learner_sources(const std::string& base, const std::string& relative,
                                const std::string& shown, LearnerSources& out) {
  out = LearnerSources{};
  const std::vector<std::string> parts = split(relative);
  if (parts.empty()) return ReadStatus::refuse(shown + relative + " names no file");
  Fd dir;
  bool missing = false;
  if (ReadStatus s = open_folders(base, parts, shown, dir, missing); !s.ok) return s;
  std::string shown_dir = shown;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) shown_dir += parts[i] + "/";
  out.file_name = parts.back();
  out.shown_path = shown_dir + parts.back();
  if (ReadStatus s =
          read_regular(dir.get(), parts.back(), out.shown_path, kMaxLearnerFileBytes, out.source);
      !s.ok)
    return s;
  return read_headers(dir.get(), shown_dir, out);
}

ReadStatus read_learner_file(const std::string& path, LearnerSources& out) {
  const std::filesystem::path p(path);
  const std::string parent = p.parent_path().string();
  const ReadStatus s = read_learner_sources(parent.empty() ? "." : parent, p.filename().string(),
                                            parent.empty() ? "" : parent + "/", out);
  if (s.ok) out.shown_path = path;
  return s;
}

std::string inspect_learner_path(const std::string& base, const std::string& relative,
                                 const std::string& shown) {
  const std::vector<std::string> parts = split(relative);
  if (parts.empty()) return "missing";
  Fd dir;
  bool missing = false;
  if (ReadStatus s = open_folders(base, parts, shown, dir, missing); !s.ok)
    return missing ? "missing" : s.refusal;
  struct stat st {};
  if (fstatat(dir.get(), parts.back().c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
    return errno == ENOENT
               ? "missing"
               : fmt::format("{}{} cannot be read: {}", shown, relative, std::strerror(errno));
  return S_ISREG(st.st_mode) ? "" : refusal_for(shown + relative, st.st_mode, false);
}

}  // namespace judge
