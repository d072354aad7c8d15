#include "case_verdict.h"

#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <functional>

namespace judge {
namespace {

constexpr std::int64_t kMemorySlackBytes = 2 << 20;
constexpr std::int64_t kHarnessBytesPerResultElement = 16;

std::string mebibytes(std::int64_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
}

// Elements (or bytes, for masks) of a value, records included.
std::int64_t count_elements(const Value& v, bool as_float32_bytes) {
  if (v.kind == ValueKind::kRecord) {
    std::int64_t total = 0;
    for (const Value& f : v.fields) total += count_elements(f, as_float32_bytes);
    return total;
  }
  const auto n = static_cast<std::int64_t>(v.data.size());
  return as_float32_bytes ? n * (v.kind == ValueKind::kMask ? 1 : 4) : n;
}

// How the program ended, in Chinese (Exit::describe() is the English).
std::string describe_zh(const Exit& exit) {
  if (exit.exited) return fmt::format("以退出码 {} 退出", exit.code);
  if (exit.signal != 0) {
    const char* abbrev = sigabbrev_np(exit.signal);
    return fmt::format("被信号 SIG{} 终止",
                       abbrev != nullptr ? abbrev : std::to_string(exit.signal));
  }
  return "结束了";
}

void say_crash(const Exit& exit, TestResult& t) {
  if (exit.exited) {
    t.say(fmt::format("the program {} during the call, before answering (exit() or a failed Eigen "
                      "assertion?)",
                      exit.describe()),
          fmt::format("程序在调用过程中、作答之前{}（调用了 exit()，还是 Eigen 断言失败？）",
                      describe_zh(exit)));
    return;
  }
  const char* why_en = exit.signal == SIGSEGV ? " (an index out of range, or a null pointer?)"
                       : exit.signal == SIGABRT
                           ? " (an uncaught exception outside the call, or an Eigen assertion: see "
                             "the output below)"
                           : "";
  const char* why_zh = exit.signal == SIGSEGV ? "（下标越界，还是空指针？）"
                       : exit.signal == SIGABRT
                           ? "（调用之外有未捕获的异常，或 Eigen 断言失败：见下面的输出）"
                           : "";
  t.say("the program was " + exit.describe() + " during the call" + why_en,
        "程序在调用过程中" + describe_zh(exit) + why_zh);
}

}  // namespace

MemoryAllowance memory_allowance(const CaseSpec& spec, const Expected& expected,
                                 double memory_factor) {
  MemoryAllowance a;
  for (const Step& step : spec.steps)
    for (const ArgRef& arg : step.args)
      if (arg.is_inline) a.inputs += count_elements(arg.value, true);
  std::int64_t result_elements = 0;
  for (const StepOutcome& o : expected.steps) {
    if (o.call.has_result) result_elements += count_elements(o.call.result, false);
    for (const auto& [index, value] : o.call.mutated)
      result_elements += count_elements(value, false);
  }
  a.for_inputs = static_cast<std::int64_t>(memory_factor * static_cast<double>(a.inputs));
  a.for_result = kHarnessBytesPerResultElement * result_elements;
  a.slack = kMemorySlackBytes;
  return a;
}

std::uint64_t max_reply_bytes(const Expected& expected) {
  wire::Writer w;
  write_outcomes(w, expected.steps);
  // Four times the right answer's size: a transposed or slightly wrong shape
  // still gets through (and is reported as a shape error); a reply that
  // could never be right is refused before it is read. Each step may also
  // carry an exception's type and message (at most 2200 bytes).
  const std::uint64_t exceptions = 2304 * (expected.steps.size() + 1);
  return std::max<std::uint64_t>(1u << 20, 4 * (w.bytes().size() + 8) + exceptions + 65536);
}

void judge_failed_run(const CaseRun& run, double case_seconds, TestResult& t) {
  using Status = CaseRun::Status;
  switch (run.status) {
    case Status::kAnswered:
      return;
    case Status::kTimeout:
      t.verdict = Verdict::kTimeLimit;
      if (run.budget_limited)
        t.say(fmt::format("no answer within the {:.1f} s left of this group's time (its cases "
                          "together may take a few seconds: a sleep, or a loop that waits?)",
                          run.wall_seconds),
              fmt::format("在这一组剩下的 {:.1f} 秒内没有作答（一组用例合起来只有几秒：是 sleep，"
                          "还是在等待的循环？）",
                          run.wall_seconds));
      else
        t.say(fmt::format(
                  "no answer within {:.1f} s of wall-clock time (an endless loop, or a sleep?)",
                  case_seconds),
              fmt::format("{:.1f} 秒（墙钟时间）内没有作答（死循环，还是 sleep？）", case_seconds));
      return;
    case Status::kOutputLimit:
      t.verdict = Verdict::kOutputLimit;
      t.say("the program printed more than 1 MiB; remove the prints inside your loops",
            "程序输出超过了 1 MiB：去掉循环里的打印");
      return;
    case Status::kOversizedReply:
      t.verdict = Verdict::kOutputLimit;
      t.say(fmt::format("the program's reply announced {}, more than any right answer to this case "
                        "could need (a result of a far larger shape than expected?)",
                        mebibytes(static_cast<std::int64_t>(run.announced_bytes))),
            fmt::format(
                "程序的回答声称有 {}，超过了这个用例任何正确答案所需（结果的形状比期望大得多？）",
                mebibytes(static_cast<std::int64_t>(run.announced_bytes))));
      return;
    case Status::kProtocolError:
      t.verdict = Verdict::kRuntimeError;
      t.say("the program wrote something unreadable on the judge's channel",
            "程序在评测通道上写入了无法解读的内容");
      return;
    case Status::kLingered:
      t.verdict = Verdict::kTimeLimit;
      t.say(
          "the program answered but did not end when its input closed (a thread that never "
          "finishes, or a static destructor that waits?), so its time and memory could not be "
          "measured",
          "程序作答了，但输入关闭后没有结束（有永不结束的线程，还是会等待的静态析构函数？），"
          "因此无法测量它的时间和内存");
      return;
    case Status::kNotRun:
      t.verdict = Verdict::kTimeLimit;
      t.say("not run: earlier cases already ran out of time or memory",
            "未运行：前面的用例已经超时或超出内存");
      return;
    case Status::kOverBudget:
      t.verdict = Verdict::kTimeLimit;
      t.say("not run: earlier cases of this group used up its time",
            "未运行：这一组前面的用例已经用完了它的时间");
      return;
    case Status::kCrashed:
      if (run.exit.signal == SIGXCPU) {
        t.verdict = Verdict::kTimeLimit;
        t.say("the program used up its CPU time", "程序用完了它的 CPU 时间");
      } else if (run.exit.signal == SIGSYS) {
        t.verdict = Verdict::kRuntimeError;
        t.say(
            "the sandbox stopped the program: it made a system call that an exercise has no "
            "need for (a new process, the network, ptrace, changing its limits, signalling "
            "another process...)",
            "沙箱终止了程序：它发起了练习用不到的系统调用（创建新进程、访问网络、ptrace、"
            "修改自身限制、向其他进程发信号……）");
      } else {
        t.verdict = Verdict::kRuntimeError;
        say_crash(run.exit, t);
      }
      return;
  }
}

void judge_measured_run(const TestCase& test, const Expected& expected, const CaseRun& run,
                        TestResult& t) {
  const Group& group = *test.group;
  if (!t.passed() || group.kind != GroupKind::kPerformance || !run.usage.known) return;
  if (group.memory_factor > 0) {
    const MemoryAllowance allowed = memory_allowance(test.spec, expected, group.memory_factor);
    const std::int64_t grown = run.usage.peak_bytes - run.baseline.peak_bytes;
    t.memory_bytes = std::max<std::int64_t>(0, grown);
    t.memory_limit_bytes = allowed.total();
    if (grown > allowed.total()) {
      t.verdict = Verdict::kMemoryLimit;
      t.say(fmt::format(
                "your program's peak memory was {} above that of a program that only reads the "
                "same inputs (what the call allocated, static buffers and all); this group "
                "allows {} ({:g} x the {} of inputs, plus {} for the judge's copies of the result)",
                mebibytes(grown), mebibytes(allowed.total()), group.memory_factor,
                mebibytes(allowed.inputs), mebibytes(allowed.for_result + allowed.slack)),
            fmt::format("你的程序的峰值内存比一个只读取相同输入的程序高出 {}（调用分配的内存，"
                        "包括静态缓冲区）；这一组允许 {}（输入的 {} 的 {:g} 倍，另加评测系统复制"
                        "结果所需的 {}）",
                        mebibytes(grown), mebibytes(allowed.total()), mebibytes(allowed.inputs),
                        group.memory_factor, mebibytes(allowed.for_result + allowed.slack)));
      return;
    }
  }
  if (group.time_factor <= 0) return;
  t.seconds = std::max(0.0, run.usage.cpu_seconds - run.baseline.cpu_seconds);
  t.reference_seconds = expected.seconds;
  t.limit_seconds = std::max(kTimingFloorSeconds, group.time_factor * expected.seconds);
  if (t.seconds > t.limit_seconds) {
    t.verdict = Verdict::kTimeLimit;
    t.say(fmt::format(
              "your call took {:.1f} ms of CPU time (measured outside your program: {:.1f} ms for "
              "the case, less {:.1f} ms that reading the same inputs takes); the reference took "
              "{:.2f} ms on the same input, and this group allows {:g} x that ({:.1f} ms): the "
              "complexity class is too high",
              t.seconds * 1e3, run.usage.cpu_seconds * 1e3, run.baseline.cpu_seconds * 1e3,
              t.reference_seconds * 1e3, group.time_factor, t.limit_seconds * 1e3),
          fmt::format("你的调用用了 {:.1f} 毫秒 CPU 时间（在程序之外测量：这个用例 {:.1f} 毫秒，"
                      "减去读取相同输入所需的 {:.1f} 毫秒）；参考解在相同输入上用了 {:.2f} 毫秒，"
                      "这一组允许它的 {:g} 倍（{:.1f} 毫秒）：复杂度太高",
                      t.seconds * 1e3, run.usage.cpu_seconds * 1e3, run.baseline.cpu_seconds * 1e3,
                      t.reference_seconds * 1e3, group.time_factor, t.limit_seconds * 1e3));
  }
}

}  // namespace judge
