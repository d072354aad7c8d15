#include "build.h"

#include "hashing.h"
#include "program_cache.h"
#include "stub.h"

#include <fmt/format.h>

#include <unistd.h>
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace judge {
namespace fs = std::filesystem;
namespace {

// Precompiled for every learner file (force-included with -include).
std::string pch_header() {
  std::string text = "// Precompiled for every learner file (force-included with -include).\n";
  for (const char* header : kForcedIncludes) text += std::string("#include <") + header + ">\n";
  return text;
}

const char* const kHarnessFiles[] = {"value.h",   "wire.h",    "codec.h",
                                     "records.h", "binder.h",  "exceptions.h",
                                     "script.h",  "execute.h", "main.cpp"};

// Writes through a temporary file so a killed judge never leaves half a file.
void write_atomically(const fs::path& path, const std::string& content) {
  const fs::path tmp = path.string() + ".tmp" + unique_suffix();
  {
    std::ofstream out(tmp, std::ios::binary);
    out << content;
  }
  fs::rename(tmp, path);
}

// The sandboxed compiler runs as another uid when the judge is root: what
// it reads from the toolchain folder must be readable by anyone, whatever
// the judge's umask (nothing there is secret: headers and objects).
void share_with_sandbox(const fs::path& path) {
  fs::permissions(path, fs::is_directory(path) ? fs::perms(0755) : fs::perms(0644));
}

// The judge's own compiles (the precompiled header, the harness, the
// adapters) are trusted and not limited like a learner's: the precompiled
// Eigen header alone is over 64 MiB, and a short --compile-timeout given
// for learner files must not fail them.
const Limits kToolchainLimits{600, 600, 8ull << 30, 2ull << 30, 16ull << 20};

Exit compile(const std::vector<std::string>& argv, const Limits& limits, std::string& output) {
  return run_to_completion(argv, limits, output);
}

}  // namespace

Builder::Builder(BuildPaths paths, BuildLimits limits) : paths_(std::move(paths)), limits_(limits) {
  // /usr/bin/c++ is a symlink through /etc/alternatives, which the sandbox does not show.
  std::error_code ec;
  const fs::path real_cxx = fs::canonical(paths_.cxx, ec);
  if (!ec) paths_.cxx = real_cxx.string();
  Hasher h;
  h.add(paths_.cxx).add(paths_.eigen_include);
  for (const auto& f : base_flags()) h.add(f);
  for (const char* name : kHarnessFiles) {
    std::string content;
    read_file((fs::path(paths_.harness_dir) / name).string(), content);
    h.add(content);
  }
  std::string exercise;
  read_file((fs::path(paths_.exercises_dir) / "exercise.h").string(), exercise);
  toolchain_key_ = h.add(exercise).add(pch_header()).hex();
}

std::vector<std::string> Builder::base_flags() const {
  return {"-std=c++17", "-O2", "-isystem", paths_.eigen_include};
}

std::string Builder::toolchain_dir() const {
  return (fs::path(paths_.cache_dir) / ("toolchain-" + toolchain_key_)).string();
}

BuildResult Builder::ensure_toolchain() {
  BuildResult r;
  const fs::path dir = toolchain_dir();
  const fs::path gch = dir / "pch.h.gch";
  const fs::path main_o = dir / "main.o";
  const fs::path exercise_h = dir / "exercise.h";
  if (fs::exists(gch) && fs::exists(main_o) && fs::exists(exercise_h)) {
    r.ok = true;
    return r;
  }
  fs::create_directories(dir);
  share_with_sandbox(dir);
  // Everything (harness, adapters, the learner's file) is compiled against
  // this copy of exercise.h, so the sandbox needs nothing of the bank's folders.
  std::string exercise;
  read_file((fs::path(paths_.exercises_dir) / "exercise.h").string(), exercise);
  const fs::path exercise_tmp = dir / ("exercise.h.tmp" + unique_suffix());
  write_atomically(exercise_tmp, exercise);
  share_with_sandbox(exercise_tmp);
  fs::rename(exercise_tmp, exercise_h);
  write_atomically(dir / "pch.h", pch_header());
  share_with_sandbox(dir / "pch.h");
  std::string out;
  std::vector<std::string> argv = {paths_.cxx};
  for (const auto& f : base_flags()) argv.push_back(f);
  const fs::path gch_tmp = dir / ("pch.h.gch.tmp" + unique_suffix());
  auto pch = argv;
  pch.insert(pch.end(), {"-x", "c++-header", (dir / "pch.h").string(), "-o", gch_tmp.string()});
  Exit e = compile(pch, kToolchainLimits, out);
  if (!e.exited || e.code != 0) {
    r.judge_fault = true;
    r.diagnostics = "building the precompiled Eigen header failed (" + e.describe() + "):\n" + out;
    return r;
  }
  share_with_sandbox(gch_tmp);
  fs::rename(gch_tmp, gch);
  auto harness = argv;
  const fs::path main_tmp = dir / ("main.o.tmp" + unique_suffix());
  harness.insert(
      harness.end(),
      {"-I", paths_.harness_dir, "-I", dir.string(), "-include", (dir / "pch.h").string(), "-c",
       (fs::path(paths_.harness_dir) / "main.cpp").string(), "-o", main_tmp.string()});
  out.clear();
  e = compile(harness, kToolchainLimits, out);
  if (!e.exited || e.code != 0) {
    r.judge_fault = true;
    r.diagnostics = "building the harness failed (" + e.describe() + "):\n" + out;
    return r;
  }
  share_with_sandbox(main_tmp);
  fs::rename(main_tmp, main_o);
  r.ok = true;
  return r;
}

std::string Builder::adapter_source(const Problem& problem) {
  std::string s = "// Generated by the judge from problems/" + problem.id +
                  ".yaml.\n"
                  "#include \"exercise.h\"\n#include \"records.h\"\n#include \"binder.h\"\n\n";
  for (const auto& sig : problem.signatures) s += sig.text + ";\n";
  s += "\nconst std::vector<judge::BoundFunction>& judge_learner_functions() {\n"
       "  static const std::vector<judge::BoundFunction> functions = {\n";
  for (const auto& sig : problem.signatures)
    s += "      judge::bind_function<&::" + sig.name + ">(\"" + sig.name + "\"),\n";
  s += "  };\n  return functions;\n}\n";
  return s;
}

BuildResult Builder::ensure_adapter(const Problem& problem, std::string& object) {
  BuildResult r;
  const std::string source = adapter_source(problem);
  const fs::path dir = toolchain_dir();
  const std::string key = Hasher().add(source).hex();
  object = (dir / ("adapter-" + key + ".o")).string();
  if (fs::exists(object)) {
    r.ok = true;
    return r;
  }
  const fs::path cpp = dir / ("adapter-" + key + ".cpp");
  write_atomically(cpp, source);
  std::vector<std::string> argv = {paths_.cxx};
  for (const auto& f : base_flags()) argv.push_back(f);
  const std::string tmp = object + ".tmp" + unique_suffix();
  argv.insert(argv.end(), {"-I", paths_.harness_dir, "-I", dir.string(), "-include",
                           (dir / "pch.h").string(), "-c", cpp.string(), "-o", tmp});
  std::string out;
  const Exit e = compile(argv, kToolchainLimits, out);
  if (!e.exited || e.code != 0) {
    r.judge_fault = true;
    r.diagnostics =
        "building the adapter for " + problem.id + " failed (" + e.describe() + "):\n" + out;
    return r;
  }
  share_with_sandbox(tmp);
  fs::rename(tmp, object);
  r.ok = true;
  return r;
}

std::string Builder::program_key(const Problem& problem, const LearnerSources& sources) const {
  // The sandbox decides what the compiler could see (an #include of a
  // solution), so a program built without it is never reused within it.
  return Hasher()
      .add(toolchain_key_)
      .add(adapter_source(problem))
      .add(sources.fingerprint())
      .add(paths_.sandbox.use_bubblewrap ? "bwrap" : "jail")
      .hex();
}

BuildResult Builder::prepare() { return ensure_toolchain(); }

BuildResult Builder::build_baseline(const Problem& problem) {
  LearnerSources stub;
  stub.shown_path = "baseline/" + problem.id + ".cpp";
  stub.file_name = problem.id + ".cpp";
  stub.source = stub_source(problem);
  BuildResult r = build(problem, stub);
  if (!r.ok) {
    r.judge_fault = true;
    r.diagnostics =
        "building the baseline program for " + problem.id + " failed:\n" + r.diagnostics;
  }
  return r;
}

BuildResult Builder::build(const Problem& problem, const LearnerSources& sources) {
  BuildResult r = ensure_toolchain();
  if (!r.ok) return r;
  std::string adapter;
  r = ensure_adapter(problem, adapter);
  if (!r.ok) return r;

  r.ok = false;
  r.key = program_key(problem, sources);
  const fs::path programs = fs::path(paths_.cache_dir) / "programs";
  fs::create_directories(programs);
  const fs::path binary = programs / (r.key + ".bin");
  const fs::path warnings = programs / (r.key + ".warnings");
  if (fs::exists(binary)) {
    read_file(warnings.string(), r.diagnostics);
    touch_program(binary.string());  // recently used: the last the cache would evict
    r.ok = true;
    r.cached = true;
    r.binary = binary.string();
    return r;
  }
  r = compile_and_link(problem, sources, adapter, r);
  if (r.ok) evict_programs(programs.string(), program_cache_bytes());
  return r;
}

BuildResult Builder::compile_and_link(const Problem& problem, const LearnerSources& sources,
                                      const std::string& adapter, BuildResult r) {
  const fs::path programs = fs::path(paths_.cache_dir) / "programs";
  const fs::path binary = programs / (r.key + ".bin");
  const fs::path warnings = programs / (r.key + ".warnings");
  // The compiler gets copies in a private folder: it never sees the
  // learner's folder, and the bytes compiled are the bytes keyed.
  const fs::path work = programs / (r.key + ".work" + unique_suffix());
  fs::create_directories(work);
  const fs::path copy = work / sources.file_name;
  write_atomically(copy, sources.source);
  for (const auto& [name, content] : sources.headers) write_atomically(work / name, content);
  const fs::path object = work / "learner.o";
  const fs::path dir = toolchain_dir();
  std::vector<std::string> argv = {paths_.cxx};
  for (const auto& f : base_flags()) argv.push_back(f);
  // exercise.h comes from the toolchain folder (the judge's copy); no -I for
  // the learner's own folder: in the sandbox it is not there.
  argv.insert(argv.end(),
              {"-Wall", "-Wextra", "-fdiagnostics-color=never", "-pipe", "-I", dir.string(),
               "-include", (dir / "pch.h").string(), "-c", copy.string(), "-o", object.string()});
  // The compiler sees the toolchain and this private copy; it can write only
  // into the work folder, as a uid of its own when the judge is root.
  const SandboxIdentity identity = SandboxIdentity::acquire();
  JailSpec jail;
  jail.profile = JailSpec::Profile::kCompile;
  jail.read_only = {{dir.string(), dir.string()}};
  jail.writable = {work.string()};
  jail.cwd = work.string();
  jail.uid = identity.uid();
  if (identity.active() && chown(work.c_str(), identity.uid(), identity.uid()) != 0)
    throw std::runtime_error("cannot hand " + work.string() + " to the sandbox's uid");
  auto jailed = [&](const std::vector<std::string>& command, std::string& output) {
    const Exit exit = compile(jailed_command(paths_.sandbox, jail, limits_.compile, command),
                              limits_.compile, output);
    return paths_.sandbox.use_bubblewrap ? exit.with_signal_from_code() : exit;
  };
  std::string out;
  Exit e = jailed(argv, out);
  if (e.exited && e.code == 0) {
    const std::vector<std::string> link = {paths_.cxx, object.string(),
                                           adapter,    (dir / "main.o").string(),
                                           "-o",       (work / "program").string()};
    std::string link_out;
    const Exit l = jailed(link, link_out);
    if (!l.exited || l.code != 0) {
      e = l;
      out += link_out;
    }
  }
  if (!e.exited || e.code != 0) {
    r.diagnostics = why_the_build_failed(e, out) +
                    trim_diagnostics(out, copy.string(), kLearnerFileToken, problem);
    fs::remove_all(work);
    return r;
  }
  // The warnings first: a program in the cache always has its warnings beside it.
  r.diagnostics = trim_diagnostics(out, copy.string(), kLearnerFileToken, problem);
  write_atomically(warnings, r.diagnostics);
  const bool adopted = adopt_program((work / "program").string(), binary.string());
  fs::remove_all(work);
  if (!adopted) {
    fs::remove(warnings);
    r.diagnostics = "the link step left no program (a regular file) behind\n";
    return r;
  }
  r.ok = true;
  r.binary = binary.string();
  return r;
}

std::string Builder::why_the_build_failed(const Exit& e, const std::string& out) const {
  if (e.timed_out || e.signal == SIGXCPU || e.signal == SIGKILL)
    return fmt::format(
        "the compiler ran out of time ({:.0f} s). Does the file include something "
        "endless, such as /dev/random, or instantiate huge templates?\n",
        limits_.compile.wall_seconds);
  if (e.output_exceeded)
    return "the compiler printed more than 1 MiB of diagnostics; here is the start.\n";
  if (e.signal != 0)
    return "the compiler was " + e.describe() + " (out of memory or file size limit?)\n";
  if (out.find("File size limit exceeded") != std::string::npos ||
      out.find("File too large") != std::string::npos)
    return fmt::format(
        "the compiled program would be larger than {} MiB (a huge static array with an "
        "initialiser?). Allocate large buffers at run time instead.\n",
        limits_.compile.file_size >> 20);
  return "";
}

std::string trim_diagnostics(const std::string& raw, const std::string& compiled_path,
                             const std::string& shown_path, const Problem& problem) {
  std::istringstream in(raw);
  std::string line;
  std::string kept;
  std::string explained;
  bool keep_block = false;
  int lines = 0;
  while (std::getline(in, line)) {
    if (line.find("undefined reference to") != std::string::npos) {
      for (const auto& sig : problem.signatures)
        if (line.find("`" + sig.name + "(") != std::string::npos &&
            explained.find(sig.name) == std::string::npos)
          explained +=
              "your file must define exactly this function (same name, parameter types "
              "and result, in the global namespace):\n    " +
              sig.text + "\n";
      continue;
    }
    if (line.find("multiple definition of `main'") != std::string::npos) {
      explained += "your file defines main(); remove it: the judge provides its own.\n";
      continue;
    }
    // A new diagnostic block starts at a line that is not source context.
    const bool starts_block = !line.empty() && line[0] != ' ' && line[0] != '|';
    if (starts_block)
      keep_block = line.rfind(compiled_path, 0) == 0 ||
                   line.rfind("In file included from " + compiled_path, 0) == 0;
    if (!keep_block || lines >= 60) continue;
    for (std::size_t at = line.find(compiled_path); at != std::string::npos;
         at = line.find(compiled_path))
      line.replace(at, compiled_path.size(), shown_path);
    kept += line + "\n";
    ++lines;
  }
  if (kept.empty() && explained.empty()) {
    // Nothing mentions the learner's file (a crash of the compiler, say): show the start.
    return raw.substr(0, 4000);
  }
  return explained + kept;
}

}  // namespace judge
