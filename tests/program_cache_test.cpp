// The program cache stays under its cap, and never drops a program that a
// check may be about to run.
#include "program_cache.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

void age(const std::string& path, std::chrono::minutes by) {
  fs::last_write_time(path, fs::file_time_type::clock::now() - by);
}

TEST(ProgramCache, EvictsTheLeastRecentlyUsedDownToThreeQuartersOfTheCap) {
  testing::TempDir dir;
  const std::string mib(1 << 20, 'x');
  for (int i = 0; i < 8; ++i) {
    const std::string bin = dir.write("p" + std::to_string(i) + ".bin", mib);
    dir.write("p" + std::to_string(i) + ".warnings", "");
    age(bin, std::chrono::minutes(100 - i));  // p0 is the oldest
  }
  EXPECT_EQ(evict_programs(dir.path(), 8u << 20), 0);  // at the cap: nothing goes
  EXPECT_EQ(evict_programs(dir.path(), 4u << 20), 5);  // down to 3 MiB
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(fs::exists(dir.path() + "/p" + std::to_string(i) + ".bin"), i >= 5) << i;
  EXPECT_FALSE(fs::exists(dir.path() + "/p0.warnings"));
}

TEST(ProgramCache, KeepsWhatWasUsedInTheLastMinutes) {
  testing::TempDir dir;
  const std::string mib(1 << 20, 'x');
  age(dir.write("old.bin", mib), std::chrono::minutes(60));
  dir.write("fresh1.bin", mib);
  const std::string used = dir.write("fresh2.bin", mib);
  age(used, std::chrono::minutes(60));
  touch_program(used);  // a cache hit
  EXPECT_EQ(evict_programs(dir.path(), 1u << 20), 1);
  EXPECT_FALSE(fs::exists(dir.path() + "/old.bin"));
  EXPECT_TRUE(fs::exists(used));
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

TEST(ProgramCache, AdoptsOnlyARegularFileAndNeverThroughALink) {
  testing::TempDir dir;
  const std::string target = dir.write("secret", "not a program\n");
  fs::permissions(target, fs::perms(0600));
  fs::create_symlink(target, dir.path() + "/program");
  EXPECT_FALSE(adopt_program(dir.path() + "/program", dir.path() + "/cached.bin"));
  EXPECT_FALSE(fs::exists(dir.path() + "/cached.bin"));
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all, fs::perms(0600));  // untouched

  const std::string program = dir.write("built",
                                        "\x7f"
                                        "ELF");
  fs::permissions(program, fs::perms(0700));
  ASSERT_TRUE(adopt_program(program, dir.path() + "/cached.bin"));
  EXPECT_FALSE(fs::exists(program));
  EXPECT_EQ(fs::status(dir.path() + "/cached.bin").permissions() & fs::perms::all, fs::perms(0755));
}

}  // namespace
}  // namespace judge
