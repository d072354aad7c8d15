// Unpacking a learner's .zip or .tar (.tar.gz, .tgz) hand-in with libarchive
// into a scratch folder the judge made, as hostile input: no links, no
// absolute or ".." paths, regular files only, and every size counted while
// the data is read (a header's size is never trusted), so a zip bomb stops at
// its cap instead of filling the disk.
#pragma once

#include "status.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace judge {

// What one learner's archives may unpack to, all of them together. The caps
// are far above any honest hand-in (a few .cpp files of a few KiB) and far
// below what would hurt a grading machine with a class of hundreds.
constexpr std::uint64_t kMaxArchiveFileBytes = 16u << 20;  // the archive file itself
constexpr std::uint64_t kMaxUnpackedBytes = 16u << 20;     // everything decompressed
constexpr std::uint64_t kMaxUnpackedFileBytes = 1u << 20;  // one file: a learner's .cpp cap
constexpr std::size_t kMaxArchiveEntries = 1000;           // entries of every kind

// The caps left for a learner, shared by their archives.
struct ArchiveBudget {
  std::uint64_t bytes = kMaxUnpackedBytes;
  std::uint64_t file_bytes = kMaxUnpackedFileBytes;
  std::size_t entries = kMaxArchiveEntries;
};

// An entry that was not unpacked, and why ("a symbolic link; links are not
// unpacked"). `path` is the entry's name as the archive gives it.
struct SkippedEntry {
  std::string path;
  std::string why;
};

struct ArchiveResult {
  // Refused: the archive is corrupt or over a cap; what was unpacked is
  // incomplete and must not be used.
  Status status;
  std::vector<SkippedEntry> skipped;  // in archive order
  std::vector<std::string> files;     // unpacked, '/'-separated, below the scratch folder
};

// Which regular-file entries to unpack, given the entry's path split into
// its components (never empty, never "." or ".."). Others are read (so their
// bytes count) and dropped.
using EntryFilter = std::function<bool(const std::vector<std::string>& parts)>;

// Unpacks the archive open on `fd` (a regular file; read from its start)
// into the empty folder `into`. `shown` names the archive in refusals
// ("alice/submission.zip"). Directories are made as files need them.
ArchiveResult unpack_archive(int fd, const std::string& shown, const std::string& into,
                             const EntryFilter& wanted, ArchiveBudget& budget);

// An entry's name as a relative path: its components, or why it is unsafe
// (absolute, "..", control characters, empty). Exposed for the tests.
Status split_entry_path(const std::string& name, std::vector<std::string>& parts);

}  // namespace judge
