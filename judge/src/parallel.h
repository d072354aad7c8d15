// Runs fn(0), ..., fn(n - 1) on up to `jobs` threads (the calling thread is
// one of them), handing out indices in order. The first exception stops the
// handing out (items already running finish) and is rethrown after all
// threads have joined. Grading a class and verifying a problem share it.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace judge {

inline void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) try {
        fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = n;
      }
  };
  std::vector<std::thread> threads;
  const int count =
      std::max(1, std::min(jobs, static_cast<int>(std::min<std::size_t>(n, 1 << 16))));
  for (int t = 1; t < count; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace judge
