#include "toolchain.h"

#include "hashing.h"

#include <filesystem>
#include <fstream>
#include <future>

namespace judge {
namespace fs = std::filesystem;

const Limits kToolchainLimits{600, 600, 8ull << 30, 2ull << 30, 16ull << 20};

namespace {

// Precompiled for every learner file (force-included with -include).
std::string pch_header() {
  std::string text = "// Precompiled for every learner file (force-included with -include).\n";
  for (const char* header : kForcedIncludes) text += std::string("#include <") + header + ">\n";
  // Eigen's product kernels, declared extern: they come from eigen_products.o.
  text += "#include \"eigen_products.h\"\n";
  return text;
}

// Every regular file of the harness folder, not a list kept by hand: a
// header the harness starts to include changes the key without anyone
// remembering to add it.
std::map<std::string, std::string> read_folder(const std::string& dir) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::string content;
    read_file(entry.path().string(), content);
    files[entry.path().filename().string()] = content;
  }
  return files;
}

Exit compile(const std::vector<std::string>& argv, std::string& output) {
  return run_to_completion(argv, kToolchainLimits, output);
}

}  // namespace

void write_atomically(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp" + unique_suffix();
  {
    std::ofstream out(tmp, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + tmp);
  }
  fs::rename(tmp, path);
}

void share_with_sandbox(const std::string& path) {
  fs::permissions(path, fs::is_directory(path) ? fs::perms(0755) : fs::perms(0644));
}

Toolchain::Toolchain(ToolchainPaths paths) : paths_(std::move(paths)) {
  // /usr/bin/c++ is a symlink through /etc/alternatives, which the sandbox does not show.
  std::error_code ec;
  const fs::path real_cxx = fs::canonical(paths_.cxx, ec);
  if (!ec) paths_.cxx = real_cxx.string();
  // The driver looks for ld.gold beside itself; without it, the default ld.
  if (fs::exists(fs::path(paths_.cxx).parent_path() / "ld.gold", ec))
    link_flags_ = {"-fuse-ld=gold"};
  ToolchainInputs inputs;
  inputs.compiler = paths_.cxx;
  inputs.flags = base_flags();
  inputs.flags.insert(inputs.flags.end(), link_flags_.begin(), link_flags_.end());
  inputs.harness_files = read_folder(paths_.harness_dir);
  generated_ = {{"pch.h", pch_header()},
                {"exercise.h", exercise_header(paths_.records)},
                {"records.h", harness_records_header(paths_.records)},
                {"reference_records.h", reference_records_header(paths_.records)}};
  // The harness's headers too: the precompiled header includes
  // eigen_products.h, and the known mistakes' shared program (compiled in
  // the sandbox, which sees only this folder) binds its functions itself.
  for (const auto& [name, content] : inputs.harness_files)
    if (fs::path(name).extension() == ".h") generated_.emplace(name, content);
  inputs.generated = generated_;
  key_ = toolchain_key(inputs);
  dir_ = (fs::path(paths_.cache_dir) / ("toolchain-" + key_)).string();
}

std::vector<std::string> Toolchain::base_flags() const {
  return {"-std=c++17", "-O2", "-isystem", paths_.eigen_include};
}

bool Toolchain::ensure(std::string& error) {
  const fs::path dir = dir_;
  const fs::path gch = dir / "pch.h.gch";
  const fs::path main_o = dir / "main.o";
  const fs::path products_o = dir / "eigen_products.o";
  if (fs::exists(gch) && fs::exists(main_o) && fs::exists(products_o)) return true;
  fs::create_directories(dir);
  share_with_sandbox(dir.string());
  // Everything (harness, adapters, the learner's file) is compiled against
  // these copies, so the sandbox needs nothing of the bank's folders.
  for (const auto& [name, content] : generated_) {
    if (fs::exists(dir / name)) continue;
    const std::string tmp = (dir / (name + ".tmp" + unique_suffix())).string();
    write_atomically(tmp, content);
    share_with_sandbox(tmp);
    fs::rename(tmp, dir / name);
  }
  // Each output is written beside its final name and renamed into place, so
  // a killed build never leaves a half-written file that looks finished.
  auto step = [&](const std::vector<std::string>& args, const fs::path& target,
                  const std::string& what, std::string& failure) {
    if (fs::exists(target)) return true;
    const fs::path tmp = target.string() + ".tmp" + unique_suffix();
    std::vector<std::string> argv = {paths_.cxx};
    for (const auto& f : base_flags()) argv.push_back(f);
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"-o", tmp.string()});
    std::string out;
    const Exit e = compile(argv, out);
    if (!e.exited || e.code != 0) {
      failure = "building " + what + " failed (" + e.describe() + "):\n" + out;
      return false;
    }
    share_with_sandbox(tmp.string());
    fs::rename(tmp, target);
    return true;
  };
  const fs::path harness = paths_.harness_dir;
  // Eigen's product kernels take two thirds of the time and need neither of
  // the others: they build beside the header and the harness, so a cold
  // start costs the longest step instead of the sum (8 s instead of 12 s on
  // two cores).
  std::string products_failure;
  auto products = std::async(std::launch::async, [&] {
    // With a learner file's flags, so its kernels are the ones the file
    // would have generated itself (not with the precompiled header, whose
    // copy of eigen_products.h declares them extern).
    return step({"-I", dir_, "-c", (harness / "eigen_products.cpp").string()}, products_o,
                "Eigen's product kernels", products_failure);
  });
  const bool header_and_harness =
      step({"-x", "c++-header", pch()}, gch, "the precompiled Eigen header", error) &&
      step({"-I", paths_.harness_dir, "-I", dir_, "-include", pch(), "-c",
            (harness / "main.cpp").string()},
           main_o, "the harness", error);
  const bool products_built = products.get();
  if (!header_and_harness) return false;
  if (!products_built) error = products_failure;
  return products_built;
}

std::vector<std::string> Toolchain::link_objects() const {
  return {dir_ + "/main.o", dir_ + "/eigen_products.o"};
}

bool Toolchain::ensure_adapter(const std::string& source, const std::string& label,
                               std::string& object, std::string& error) {
  const std::string key = Hasher().add(source).hex();
  object = dir_ + "/adapter-" + key + ".o";
  if (fs::exists(object)) return true;
  const std::string cpp = dir_ + "/adapter-" + key + ".cpp";
  write_atomically(cpp, source);
  std::vector<std::string> argv = {paths_.cxx};
  for (const auto& f : base_flags()) argv.push_back(f);
  const std::string tmp = object + ".tmp" + unique_suffix();
  argv.insert(argv.end(),
              {"-I", paths_.harness_dir, "-I", dir_, "-include", pch(), "-c", cpp, "-o", tmp});
  std::string out;
  const Exit e = compile(argv, out);
  if (!e.exited || e.code != 0) {
    error = "building the adapter for " + label + " failed (" + e.describe() + "):\n" + out;
    return false;
  }
  share_with_sandbox(tmp);
  fs::rename(tmp, object);
  return true;
}

}  // namespace judge
