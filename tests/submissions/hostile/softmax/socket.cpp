// Opens a TCP socket and connects to 127.0.0.1 (to fetch answers, or to leak
// data). The sandbox has no network namespace to reach and the system-call
// filter has no socket(): the program must end with SIGSYS. Should a socket
// ever be created, the file answers correctly, so an escape is "accepted".
// expect: runtime_error sample
#include "exercise.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  bool escaped = false;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd >= 0) {
    escaped = true;  // creating it is already too much
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(80);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    (void)connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to);
    close(fd);
  }
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0) escaped = true;
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}
