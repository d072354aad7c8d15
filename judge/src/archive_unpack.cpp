#include "archive_unpack.h"

#include "fd.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace judge {
namespace {

struct ReaderFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using Reader = std::unique_ptr<struct archive, ReaderFree>;

// Headers and padding around the data: the decompressed stream may run this
// many times past the data cap before the archive is refused. It bounds what
// a tar's own records (long names, pax headers) can cost.
constexpr std::uint64_t kStreamFactor = 4;
constexpr std::size_t kReadBlock = 64u << 10;

std::string reader_error(struct archive* a) {
  const char* e = archive_error_string(a);
  return e != nullptr ? e : "unknown error";
}

// Why an entry is not unpacked as a file; empty for a regular file. Links
// are never made: one would let a later entry or the judge's own read land
// outside the scratch folder.
std::string kind_refusal(struct archive_entry* e) {
  if (archive_entry_hardlink(e) != nullptr) return "a hard link; links are not unpacked";
  if (archive_entry_symlink(e) != nullptr) return "a symbolic link; links are not unpacked";
  switch (archive_entry_filetype(e)) {
    case AE_IFREG:
      return "";
    case AE_IFLNK:
      return "a symbolic link; links are not unpacked";
    case AE_IFDIR:
      return "a folder, not a file";
    case AE_IFIFO:
      return "a named pipe (FIFO), not a regular file";
    case AE_IFCHR:
    case AE_IFBLK:
      return "a device, not a regular file";
    case AE_IFSOCK:
      return "a socket, not a regular file";
    default:
      return "not a regular file";
  }
}

// Creates the file `parts` below `root`, making its folders; never through a
// link (the scratch folder holds none, but a race or a bug must not make one
// count) and never over an earlier entry. Returns the descriptor, or -1 with
// errno set.
int create_file(int root, const std::vector<std::string>& parts) {
  Fd dir(dup(root));
  if (!dir.ok()) return -1;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    if (mkdirat(dir.get(), parts[i].c_str(), 0700) != 0 && errno != EEXIST) return -1;
    Fd next(openat(dir.get(), parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!next.ok()) return -1;
    dir = std::move(next);
  }
  return openat(dir.get(), parts.back().c_str(),
                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
}

void write_all(int fd, const char* data, std::size_t size, const std::string& into) {
  while (size > 0) {
    const ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    // The scratch folder is the judge's own: a full disk is the judge's fault.
    if (n <= 0)
      throw std::runtime_error("cannot write below " + into + ": " + std::strerror(errno));
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

std::string join(const std::vector<std::string>& parts) {
  std::string path;
  for (const auto& p : parts) path += (path.empty() ? "" : "/") + p;
  return path;
}

}  // namespace

Status split_entry_path(const std::string& name, std::vector<std::string>& parts) {
  parts.clear();
  if (!name.empty() && name[0] == '/')
    return Status::Refused("an absolute path; only paths inside the archive are unpacked");
  for (const unsigned char c : name)
    if (c < 0x20 || c == 0x7f)
      return Status::Refused("a name with a control character (a newline, say)");
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    const std::string part = name.substr(start, end - start);
    if (part == "..")
      return Status::Refused("a path with '..'; only paths inside the archive are unpacked");
    if (!part.empty() && part != ".") parts.push_back(part);
    start = end + 1;
  }
  if (parts.empty()) return Status::Refused("an entry with no name");
  return {};
}

ArchiveResult unpack_archive(int fd, const std::string& shown, const std::string& into,
                             const EntryFilter& wanted, ArchiveBudget& budget) {
  ArchiveResult r;
  const auto refuse = [&](const std::string& why) {
    r.status = Status::Refused(shown + " " + why);
    return r;
  };
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return refuse("is not a regular file");
  if (static_cast<std::uint64_t>(st.st_size) > kMaxArchiveFileBytes)
    return refuse(fmt::format("is larger than {} MiB; hand in the source files only",
                              kMaxArchiveFileBytes >> 20));
  const Fd root(open(into.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!root.ok()) throw std::runtime_error("cannot open " + into + ": " + std::strerror(errno));

  // Only the formats a class hands in: every other reader of libarchive is
  // code the learner's bytes need not reach.
  const Reader a(archive_read_new());
  if (!a) throw std::runtime_error("libarchive: out of memory");
  archive_read_support_format_zip(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_filter_gzip(a.get());
  if (archive_read_open_fd(a.get(), fd, kReadBlock) != ARCHIVE_OK)
    return refuse("cannot be unpacked: " + reader_error(a.get()));

  const std::uint64_t stream_cap = kStreamFactor * kMaxUnpackedBytes;
  std::vector<char> block(kReadBlock);
  for (;;) {
    struct archive_entry* entry = nullptr;
    const int rc = archive_read_next_header(a.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc < ARCHIVE_WARN) return refuse("cannot be unpacked: " + reader_error(a.get()));
    if (budget.entries == 0)
      return refuse(fmt::format("holds more than {} entries; hand in the source files only",
                                kMaxArchiveEntries));
    --budget.entries;
    if (static_cast<std::uint64_t>(archive_filter_bytes(a.get(), 0)) > stream_cap)
      return refuse(fmt::format("unpacks to more than {} MiB; hand in the source files only",
                                stream_cap >> 20));
    const char* raw = archive_entry_pathname(entry);
    const std::string name = raw != nullptr ? raw : "";
    std::vector<std::string> parts;
    const Status path = split_entry_path(name, parts);
    const std::string kind = kind_refusal(entry);
    if (kind == "a folder, not a file") {
      // Folders are made as files need them; one matters only where a file
      // was expected (a folder named softmax.cpp).
      if (path.ok() && wanted(parts)) r.skipped.push_back({name, kind});
      continue;
    }
    if (!kind.empty()) {
      r.skipped.push_back({name, kind});
      continue;
    }
    if (!path.ok()) r.skipped.push_back({name, path.message()});
    Fd out;
    if (path.ok() && wanted(parts)) {
      out = Fd(create_file(root.get(), parts));
      if (!out.ok())
        r.skipped.push_back(
            {name, errno == EEXIST ? "a second entry of that name; the first is kept"
                                   : std::string("cannot be unpacked: ") + std::strerror(errno)});
    }
    // Every regular entry's data is read, kept or not, so that each
    // decompressed byte counts against the caps: skipping would let
    // libarchive inflate a bomb out of sight.
    std::uint64_t size = 0;
    for (;;) {
      const la_ssize_t n = archive_read_data(a.get(), block.data(), block.size());
      if (n == 0) break;
      if (n < 0) return refuse("cannot be unpacked: " + reader_error(a.get()));
      const auto got = static_cast<std::uint64_t>(n);
      size += got;
      if (got > budget.bytes)
        return refuse(fmt::format("unpacks to more than {} MiB; hand in the source files only",
                                  kMaxUnpackedBytes >> 20));
      budget.bytes -= got;
      if (!out.ok()) continue;
      if (size > budget.file_bytes)
        return refuse(
            fmt::format("holds {}, which unpacks to more than {} KiB; hand in the source "
                        "files only",
                        name, budget.file_bytes >> 10));
      write_all(out.get(), block.data(), got, into);
    }
    if (out.ok()) r.files.push_back(join(parts));
  }
  return r;
}

}  // namespace judge
