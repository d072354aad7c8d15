// judge serve: a practice room in the browser, and its HTTP API. One process:
// the HTTP server, the SQLite store under --data and the check workers.
#include "commands.h"

#include "auth.h"
#include "http_server.h"
#include "room.h"
#include "room_check.h"
#include "sandbox.h"
#include "sqlite_store.h"

#include <fmt/format.h>
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <signal.h>
#include <sys/stat.h>

#include <filesystem>
#include <iostream>
#include <thread>

namespace judge::cli {
namespace fs = std::filesystem;
namespace {

bool is_loopback(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  in_addr address{};
  return inet_pton(AF_INET, host.c_str(), &address) == 1 &&
         (ntohl(address.s_addr) >> 24) == 127;
}

// The first address of an interface that is up and not loopback: what the
// room's laptops type when the server listens on every address.
std::string first_network_address() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "";
  std::string found;
  for (ifaddrs* i = list; i != nullptr && found.empty(); i = i->ifa_next) {
    if (i->ifa_addr == nullptr || i->ifa_addr->sa_family != AF_INET) continue;
    if (!(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK)) continue;
    char text[INET_ADDRSTRLEN];
    const auto* in = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
    if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text) != nullptr) found = text;
  }
  freeifaddrs(list);
  return found;
}

std::string url_host(const std::string& host) {
  if (host == "0.0.0.0" || host == "::") {
    const std::string address = first_network_address();
    return address.empty() ? "127.0.0.1" : address;
  }
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

// Blocks SIGINT and SIGTERM in this thread and every thread it starts later,
// so they wait for sigwait() in stop_on_signal (a handler may not stop a server).
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

// The queue stops first: that wakes every long-poll (?wait=), which would
// otherwise hold the server's threads, and so its stop, for up to a minute.
std::thread stop_on_signal(sigset_t signals, CheckQueue& queue, server::HttpServer& http) {
  return std::thread([signals, &queue, &http] {
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "judge serve: stopping; running checks finish, queued ones wait for the next "
                 "start\n";
    queue.stop();
    http.stop();
  });
}

}  // namespace

int run_serve(Context& ctx, const ServeArgs& args) {
  // Before any thread starts (the store's, the workers', the server's).
  const sigset_t stop_signals = block_stop_signals();
  CheckOptions check;
  if (!check.sandbox.use_bubblewrap && !args.allow_unsandboxed) {
    std::cerr << unsandboxed_warning(sandbox_status()) << "\n"
              << "judge serve runs strangers' code: it refuses to without a sandbox. Install "
                 "bubblewrap (apt-get install bubblewrap).\n";
    return kExitUsage;
  }
  if (!args.set.empty() && ctx.bank.find_set(args.set) == nullptr) {
    find_set(ctx, args.set);  // prints the closest set ids
    return kExitUsage;
  }
  const std::string data = fs::absolute(args.data_dir).lexically_normal().string();
  fs::create_directories(data);
  chmod(data.c_str(), 0700);  // learners' code and tokens' hashes: the organiser's only

  SqliteStore store(data);
  const std::string organiser_token = server::load_or_create_organiser_token(data);
  server::Authenticator auth(store, organiser_token);

  // Build the harness and Eigen's precompiled header before the first learner waits on it.
  if (const BuildResult ready = WorkspaceChecker(ctx.workspace, check).builder().prepare();
      !ready.ok) {
    std::cerr << "judge serve: cannot prepare the toolchain:\n" << ready.diagnostics << "\n";
    return kExitJudgeError;
  }
  ExpectedCache expected(ctx.workspace.cache_dir() + "/expected");
  CheckQueueOptions queue_options;
  queue_options.workers =
      args.workers > 0 ? args.workers
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  CheckQueue queue(store, server::make_room_check(ctx.workspace, ctx.bank, expected, check),
                   queue_options);

  server::RoomConfig config;
  config.set = args.set;
  config.exports_dir = data + "/exports";
  server::Room room(ctx.workspace, ctx.bank, store, queue, config);
  server::HttpServer http(room, auth,
                          server::StaticFiles::load(server::StaticFiles::default_dirs()));
  const int port = http.bind(args.host, args.port);
  if (port < 0) {
    std::cerr << fmt::format("judge serve: cannot listen on {}:{} (in use, or not an address of "
                             "this machine)\n",
                             args.host, args.port);
    return kExitUsage;
  }
  // Join links name the port, which is known only now when --port is 0.
  std::string url = args.public_url.empty()
                        ? fmt::format("http://{}:{}", url_host(args.host), port)
                        : args.public_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  room.set_public_url(url);

  queue.set_finish_listener([&room](const Submission&) { room.on_finished(); });
  const int recovered = queue.start();

  std::cout << fmt::format("Room:      {}/\n", url)
            << fmt::format("Organiser: {}/join/{}\n", url, organiser_token)
            << fmt::format("Data:      {} (organiser.token, judge.sqlite, exports/)\n", data)
            << fmt::format("Problems:  {} ({}), {} check worker{}\n",
                           room.problem_ids().size(), args.set.empty() ? "all" : args.set,
                           queue_options.workers, queue_options.workers == 1 ? "" : "s");
  if (recovered > 0)
    std::cout << fmt::format("Recovered: {} check{} left unfinished by the last run\n", recovered,
                             recovered == 1 ? "" : "s");
  if (is_loopback(args.host))
    std::cout << "Only this machine can reach the room. To serve a room of laptops, start it "
                 "with --host 0.0.0.0 (or this machine's address on the room's network).\n";
  else
    std::cout << fmt::format(
        "Warning: anyone who can reach {} on port {} can open the room's pages and the join "
        "page. Everything else needs a join link, and learners' code runs in the sandbox; "
        "traffic is plain HTTP, so serve only on a network you trust.\n",
        args.host, port);
  std::cout << std::flush;

  std::thread stopper = stop_on_signal(stop_signals, queue, http);
  const bool served = http.run();
  queue.stop();
  if (stopper.joinable()) {
    if (served) stopper.join();
    else stopper.detach();
  }
  return served ? kExitOk : kExitJudgeError;
}

}  // namespace judge::cli
