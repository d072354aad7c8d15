// Unpacking hostile archives: every entry that is a link, a device, a path
// out of the scratch folder or a name the file system rejects is skipped and
// named; a corrupt archive, a bomb or an archive of thousands of entries is
// refused at its cap. After each, nothing exists outside the scratch folder
// that was not there before, and nothing inside it is a link.
#include "archive_support.h"
#include "archive_unpack.h"
#include "fd.h"
#include "test_support.h"

#include <fcntl.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace judge {
namespace {
namespace fs = std::filesystem;

// Every path below `root`, links included, not followed.
std::set<std::string> tree(const std::string& root) {
  std::set<std::string> paths;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec))
    paths.insert(fs::relative(it->path(), root).string());
  return paths;
}

class Archive : public ::testing::Test {
 protected:
  void SetUp() override {
    // The archive sits two folders down, so "../../evil.cpp" from the
    // scratch folder would land in the test's own folder.
    scratch_ = dir_.path() + "/out/.intake/mallory/hw";
    fs::create_directories(scratch_);
    fs::create_directories(dir_.path() + "/class/mallory");
  }

  // Unpacks `name` (made by the test in class/mallory/) with the intake's
  // filter: sources at the top or one folder down.
  ArchiveResult unpack(const std::string& name) {
    before_ = tree(dir_.path());
    const Fd fd(open((dir_.path() + "/class/mallory/" + name).c_str(), O_RDONLY | O_CLOEXEC));
    EXPECT_TRUE(fd.ok());
    const EntryFilter wanted = [](const std::vector<std::string>& parts) {
      return parts.size() <= 2 && (parts.back().size() > 4 &&
                                   parts.back().compare(parts.back().size() - 4, 4, ".cpp") == 0);
    };
    return unpack_archive(fd.get(), "mallory/" + name, scratch_, wanted, budget_);
  }

  std::string path(const std::string& name) const { return dir_.path() + "/class/mallory/" + name; }

  // Nothing new outside the scratch folder; no link inside it.
  void expect_contained() const {
    for (const auto& p : tree(dir_.path())) {
      if (p.rfind("out/.intake/mallory/hw", 0) == 0) {
        EXPECT_FALSE(fs::is_symlink(dir_.path() + "/" + p)) << p << " is a link";
        EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(dir_.path() + "/" + p)) ||
                    fs::is_directory(fs::symlink_status(dir_.path() + "/" + p)))
            << p;
        continue;
      }
      EXPECT_TRUE(before_.count(p)) << p << " was written outside the scratch folder";
    }
  }

  static bool skipped(const ArchiveResult& r, const std::string& entry, const std::string& why) {
    for (const auto& s : r.skipped)
      if (s.path == entry && s.why.find(why) != std::string::npos) return true;
    return false;
  }
  static std::string dump(const ArchiveResult& r) {
    std::string text = r.status.message() + "\n";
    for (const auto& s : r.skipped) text += "skipped " + s.path + ": " + s.why + "\n";
    for (const auto& f : r.files) text += "file " + f + "\n";
    return text;
  }

  testing::TempDir dir_;
  std::string scratch_;
  std::set<std::string> before_;
  ArchiveBudget budget_;
};

TEST_F(Archive, UnpacksSourcesAtTheTopAndOneFolderDownByteForByte) {
  const std::string code = "#include <vector>\nint x = 1;\n";
  testing::make_zip(dir_, path("hw.zip"),
                    {{"softmax.cpp", code},
                     {"week1/softmax_rows.cpp", code + "// rows\n"},
                     {"a/b/too_deep.cpp", code},
                     {"notes.txt", "not a source\n"}});
  const ArchiveResult r = unpack("hw.zip");
  ASSERT_TRUE(r.status.ok()) << dump(r);
  EXPECT_EQ(r.files, (std::vector<std::string>{"softmax.cpp", "week1/softmax_rows.cpp"}));
  EXPECT_EQ(testing::read_text(scratch_ + "/softmax.cpp"), code);
  EXPECT_EQ(testing::read_text(scratch_ + "/week1/softmax_rows.cpp"), code + "// rows\n");
  EXPECT_FALSE(fs::exists(scratch_ + "/a"));
  EXPECT_FALSE(fs::exists(scratch_ + "/notes.txt"));
  EXPECT_TRUE(r.skipped.empty()) << dump(r);
  expect_contained();
}

TEST_F(Archive, ReadsTarAndGzippedTarToo) {
  for (const char* name : {"hw.tar", "hw.tar.gz", "hw.tgz"}) {
    fs::remove_all(scratch_);
    fs::create_directories(scratch_);
    const std::string mode = std::string(name) == "hw.tar" ? "w" : "w:gz";
    testing::make_archive(dir_, path(name),
                          "with tarfile.open(out, '" + mode +
                              "') as t:\n    t.addfile(*reg('sub/softmax.cpp', b'int y;\\n'))\n");
    const ArchiveResult r = unpack(name);
    ASSERT_TRUE(r.status.ok()) << name << ": " << dump(r);
    EXPECT_EQ(testing::read_text(scratch_ + "/sub/softmax.cpp"), "int y;\n") << name;
  }
}

TEST_F(Archive, SymbolicLinkEntriesToPasswdOrTheSolutionsAreSkipped) {
  const std::string solutions = testing::source_dir() + "/solutions/softmax/reference.cpp";
  testing::make_archive(dir_, path("hw.zip"),
                        "with zipfile.ZipFile(out, 'w') as z:\n"
                        "    zlink(z, 'softmax.cpp', '/etc/passwd')\n"
                        "    zlink(z, 'week1/softmax.cpp', '" +
                            solutions +
                            "')\n"
                            "    zlink(z, 'up', '../../../..')\n"
                            "    z.writestr('up/evil.cpp', 'int evil;')\n");
  const ArchiveResult r = unpack("hw.zip");
  ASSERT_TRUE(r.status.ok()) << dump(r);
  EXPECT_TRUE(skipped(r, "softmax.cpp", "symbolic link")) << dump(r);
  EXPECT_TRUE(skipped(r, "week1/softmax.cpp", "symbolic link")) << dump(r);
  EXPECT_TRUE(skipped(r, "up", "symbolic link")) << dump(r);
  // up/evil.cpp lands in a real folder named up, inside the scratch folder.
  EXPECT_EQ(r.files, std::vector<std::string>{"up/evil.cpp"});
  EXPECT_FALSE(fs::exists(scratch_ + "/softmax.cpp"));
  expect_contained();
}

TEST_F(Archive, HardLinkEntriesAreSkipped) {
  testing::make_archive(
      dir_, path("hw.tar"),
      "with tarfile.open(out, 'w') as t:\n"
      "    t.addfile(*reg('notes.cpp', b'int notes;'))\n"
      "    t.addfile(kind('softmax.cpp', tarfile.LNKTYPE, linkname='notes.cpp'))\n"
      "    t.addfile(kind('passwd.cpp', tarfile.LNKTYPE, linkname='/etc/passwd'))\n");
  const ArchiveResult r = unpack("hw.tar");
  ASSERT_TRUE(r.status.ok()) << dump(r);
  EXPECT_TRUE(skipped(r, "softmax.cpp", "hard link")) << dump(r);
  EXPECT_TRUE(skipped(r, "passwd.cpp", "hard link")) << dump(r);
  EXPECT_EQ(r.files, std::vector<std::string>{"notes.cpp"});
  expect_contained();
}

TEST_F(Archive, DotDotAndAbsoluteNamesAreSkipped) {
  const std::string evil = "/tmp/judge-evil-" + std::to_string(getpid()) + ".cpp";
  testing::make_archive(dir_, path("hw.zip"),
                        "with zipfile.ZipFile(out, 'w') as z:\n"
                        "    z.writestr('../../evil.cpp', 'int evil;')\n"
                        "    z.writestr('ok/../../evil2.cpp', 'int evil;')\n"
                        "    z.writestr('" +
                            evil +
                            "', 'int evil;')\n"
                            "    z.writestr('softmax.cpp', 'int fine;')\n");
  testing::make_archive(dir_, path("hw.tar"),
                        "with tarfile.open(out, 'w') as t:\n"
                        "    t.addfile(*reg('../../evil.cpp', b'int evil;'))\n"
                        "    t.addfile(*reg('" +
                            evil + "', b'int evil;'))\n");
  for (const char* name : {"hw.zip", "hw.tar"}) {
    const ArchiveResult r = unpack(name);
    ASSERT_TRUE(r.status.ok()) << dump(r);
    EXPECT_TRUE(skipped(r, "../../evil.cpp", "'..'")) << dump(r);
    EXPECT_TRUE(skipped(r, evil, "absolute")) << dump(r);
    expect_contained();
  }
  EXPECT_FALSE(fs::exists(evil));
  EXPECT_FALSE(fs::exists(dir_.path() + "/out/evil.cpp"));
  EXPECT_FALSE(fs::exists(dir_.path() + "/out/.intake/evil.cpp"));
}

TEST_F(Archive, AZipBombStopsAtTheFileCap) {
  // 256 MiB of zeros deflate to a quarter of a MiB; written in pieces, so
  // Python never holds it all either.
  testing::make_archive(dir_, path("bomb.zip"),
                        "with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:\n"
                        "    with z.open('softmax.cpp', 'w', force_zip64=True) as f:\n"
                        "        for _ in range(256): f.write(bytes(1 << 20))\n");
  ASSERT_LT(fs::file_size(path("bomb.zip")), 2u << 20);
  const ArchiveResult r = unpack("bomb.zip");
  ASSERT_TRUE(r.status.refused()) << dump(r);
  EXPECT_NE(r.status.message().find("more than 1024 KiB"), std::string::npos) << dump(r);
  // Stopped at the cap: at most one read block past it was inflated.
  EXPECT_GE(budget_.bytes, kMaxUnpackedBytes - kMaxUnpackedFileBytes - (64u << 10));
  EXPECT_LE(fs::file_size(scratch_ + "/softmax.cpp"), kMaxUnpackedFileBytes);
  expect_contained();
}

TEST_F(Archive, ABombOfFilesTheIntakeDropsStopsAtTheTotalCap) {
  // Not a source, so never written: its bytes count all the same.
  testing::make_archive(dir_, path("bomb.tar.gz"),
                        "with tarfile.open(out, 'w:gz') as t:\n"
                        "    t.addfile(*reg('blob.bin', bytes(64 << 20)))\n");
  const ArchiveResult r = unpack("bomb.tar.gz");
  ASSERT_TRUE(r.status.refused()) << dump(r);
  EXPECT_NE(r.status.message().find("unpacks to more than 16 MiB"), std::string::npos) << dump(r);
  expect_contained();
}

TEST_F(Archive, FiveThousandTinyEntriesAreRefusedAtTheEntryCap) {
  testing::make_archive(dir_, path("many.zip"),
                        "with zipfile.ZipFile(out, 'w') as z:\n"
                        "    for i in range(5000): z.writestr(f'f{i}.cpp', 'x')\n");
  const ArchiveResult r = unpack("many.zip");
  ASSERT_TRUE(r.status.refused()) << dump(r);
  EXPECT_NE(r.status.message().find("more than 1000 entries"), std::string::npos) << dump(r);
  EXPECT_EQ(budget_.entries, 0u);
  EXPECT_LE(tree(scratch_).size(), kMaxArchiveEntries);
  expect_contained();
}

TEST_F(Archive, ACorruptOrTruncatedArchiveIsRefused) {
  dir_.write("class/mallory/junk.zip", "this is not a zip file at all\n");
  testing::make_archive(dir_, path("whole.tar.gz"),
                        "with tarfile.open(out, 'w:gz') as t:\n"
                        "    import os\n"
                        "    t.addfile(*reg('softmax.cpp', os.urandom(200000)))\n");
  const std::string whole = testing::read_text(path("whole.tar.gz"));
  dir_.write("class/mallory/cut.tar.gz", whole.substr(0, whole.size() / 2));
  for (const char* name : {"junk.zip", "cut.tar.gz"}) {
    const ArchiveResult r = unpack(name);
    ASSERT_TRUE(r.status.refused()) << name << ": " << dump(r);
    EXPECT_NE(r.status.message().find(std::string("mallory/") + name + " cannot be unpacked"),
              std::string::npos)
        << dump(r);
    expect_contained();
  }
}

TEST_F(Archive, AFolderNamedSoftmaxCppIsSkippedByName) {
  testing::make_archive(dir_, path("hw.zip"),
                        "with zipfile.ZipFile(out, 'w') as z:\n"
                        "    z.writestr('softmax.cpp/', '')\n");
  const ArchiveResult r = unpack("hw.zip");
  ASSERT_TRUE(r.status.ok()) << dump(r);
  EXPECT_TRUE(skipped(r, "softmax.cpp/", "a folder")) << dump(r);
  EXPECT_TRUE(r.files.empty());
  expect_contained();
}

TEST_F(Archive, FifoAndDeviceEntriesAreSkipped) {
  testing::make_archive(
      dir_, path("hw.tar"),
      "with tarfile.open(out, 'w') as t:\n"
      "    t.addfile(kind('softmax.cpp', tarfile.FIFOTYPE))\n"
      "    t.addfile(kind('zero.cpp', tarfile.CHRTYPE, devmajor=1, devminor=5))\n"
      "    t.addfile(kind('disk.cpp', tarfile.BLKTYPE, devmajor=8, devminor=0))\n");
  const ArchiveResult r = unpack("hw.tar");
  ASSERT_TRUE(r.status.ok()) << dump(r);
  EXPECT_TRUE(skipped(r, "softmax.cpp", "named pipe")) << dump(r);
  EXPECT_TRUE(skipped(r, "zero.cpp", "device")) << dump(r);
  EXPECT_TRUE(skipped(r, "disk.cpp", "device")) << dump(r);
  EXPECT_TRUE(r.files.empty());
  expect_contained();
}

TEST_F(Archive, NamesWithANewlineOrTooLongForTheFileSystemAreSkipped) {
  const std::string long_name = std::string(300, 'a') + ".cpp";
  testing::make_archive(dir_, path("hw.tar"),
                        "with tarfile.open(out, 'w', format=tarfile.PAX_FORMAT) as t:\n"
                        "    t.addfile(*reg('soft\\nmax.cpp', b'int a;'))\n"
                        "    t.addfile(*reg('" +
                            long_name +
                            "', b'int b;'))\n"
                            "    t.addfile(*reg('softmax.cpp', b'int c;'))\n"
                            "    t.addfile(*reg('softmax.cpp', b'int d;'))\n");
  const ArchiveResult r = unpack("hw.tar");
  ASSERT_TRUE(r.status.ok()) << dump(r);
  EXPECT_TRUE(skipped(r, "soft\nmax.cpp", "control character")) << dump(r);
  EXPECT_TRUE(skipped(r, long_name, "File name too long")) << dump(r);
  EXPECT_TRUE(skipped(r, "softmax.cpp", "the first is kept")) << dump(r);
  EXPECT_EQ(testing::read_text(scratch_ + "/softmax.cpp"), "int c;");
  expect_contained();
}

TEST_F(Archive, TheTotalCapIsSharedByALearnersArchives) {
  const std::string mib(900u << 10, 'x');
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 10; ++i) files.push_back({"f" + std::to_string(i) + ".cpp", mib});
  testing::make_zip(dir_, path("a.zip"), files);
  testing::make_zip(dir_, path("b.zip"), files);
  ASSERT_TRUE(unpack("a.zip").status.ok());
  fs::remove_all(scratch_);
  fs::create_directories(scratch_);
  const ArchiveResult second = unpack("b.zip");
  ASSERT_TRUE(second.status.refused()) << dump(second);
  EXPECT_NE(second.status.message().find("more than 16 MiB"), std::string::npos);
}

TEST(ArchivePaths, SplitsSafeNamesAndRefusesTheRest) {
  std::vector<std::string> parts;
  ASSERT_TRUE(split_entry_path("./week1//softmax.cpp", parts).ok());
  EXPECT_EQ(parts, (std::vector<std::string>{"week1", "softmax.cpp"}));
  for (const char* bad : {"", "/", "/etc/passwd", "..", "a/../b.cpp", "a/..", "a\tb", "a\x7f"})
    EXPECT_FALSE(split_entry_path(bad, parts).ok()) << bad;
}

}  // namespace
}  // namespace judge
