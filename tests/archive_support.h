// Making archives for the intake's tests: Python's zipfile and tarfile
// write whatever entry the test asks for (links, "../" names, devices,
// bombs), which no honest archiver would.
#pragma once

#include "test_support.h"

#include <string>
#include <utility>
#include <vector>

namespace judge::testing {

// Runs `body` (Python 3, written to a script in `dir`) with `zipfile`, `tarfile`, `io`
// and `sys` imported and `out` the archive's path; fails the test if Python
// does. Helpers in scope: reg(name, data) and kind(name, type) make TarInfo
// entries; zlink(name, target) a zip symbolic link.
inline void make_archive(const TempDir& dir, const std::string& out, const std::string& body) {
  const std::string script = dir.write("make_archive.py",
                                       "import io, sys, tarfile, zipfile\n"
                                       "out = sys.argv[1]\n"
                                       "def reg(name, data):\n"
                                       "    info = tarfile.TarInfo(name)\n"
                                       "    info.size = len(data)\n"
                                       "    return info, io.BytesIO(data)\n"
                                       "def kind(name, type, **extra):\n"
                                       "    info = tarfile.TarInfo(name)\n"
                                       "    info.type = type\n"
                                       "    for k, v in extra.items(): setattr(info, k, v)\n"
                                       "    return info\n"
                                       "def zlink(z, name, target):\n"
                                       "    info = zipfile.ZipInfo(name)\n"
                                       "    info.create_system = 3\n"
                                       "    info.external_attr = 0o120777 << 16\n"
                                       "    z.writestr(info, target)\n" +
                                           body + "\n");
  std::filesystem::create_directories(std::filesystem::path(out).parent_path());
  const JudgeRun r = shell("python3 '" + script + "' '" + out + "' 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
}

// `bytes` as a Python bytes literal, every byte escaped.
inline std::string py_bytes(const std::string& bytes) {
  static const char* const kHex = "0123456789abcdef";
  std::string literal = "b'";
  for (const unsigned char c : bytes) literal += std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
  return literal + "'";
}

// A zip of `files` (name, content), deflated.
inline void make_zip(const TempDir& dir, const std::string& out,
                     const std::vector<std::pair<std::string, std::string>>& files) {
  std::string body = "with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:\n    pass\n";
  for (const auto& [name, content] : files)
    body += "    z.writestr(" + py_bytes(name) + ".decode(), " + py_bytes(content) + ")\n";
  make_archive(dir, out, body);
}

}  // namespace judge::testing
