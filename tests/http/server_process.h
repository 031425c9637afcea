// Starts the real `dutydesk serve` on a free loopback port and stops it on destruction.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.h"

namespace dutydesk::testing {

class ServerProcess {
 public:
  // Runs `dutydesk serve --port 0 ARGS...` and waits for the line that names its port.
  explicit ServerProcess(const std::vector<std::string>& args) {
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      // The server must not outlive the test, nor hold the test runner's output open.
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      const int devNull = ::open("/dev/null", O_WRONLY);
      ::dup2(devNull, STDOUT_FILENO);
      ::dup2(pipeFds[1], STDERR_FILENO);
      ::close(pipeFds[0]);
      ::close(pipeFds[1]);
      std::vector<std::string> argv{binary().string(), "serve",  "--host",
                                    "127.0.0.1",       "--port", "0"};
      argv.insert(argv.end(), args.begin(), args.end());
      std::vector<char*> raw;
      for (std::string& arg : argv) raw.push_back(arg.data());
      raw.push_back(nullptr);
      ::execv(raw[0], raw.data());
      ::_exit(127);
    }
    ::close(pipeFds[1]);
    stderr_ = pipeFds[0];
    const std::string marker = "serving http://127.0.0.1:";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (port_ == 0) {
      if (std::chrono::steady_clock::now() > deadline) fail("announced no port within 20 s");
      if (readSome(200) == Read::kEnd) fail("exited before listening");
      const size_t at = log_.find(marker);
      if (at != std::string::npos && log_.find('/', at + marker.size()) != std::string::npos) {
        port_ = std::stoi(log_.substr(at + marker.size()));
      }
    }
  }

  ~ServerProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (stderr_ >= 0) ::close(stderr_);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }

  // Everything the server wrote to stderr so far (the access log among it).
  const std::string& log() {
    while (readSome(50) == Read::kData) {
    }
    return log_;
  }

  // True while the process is alive.
  bool running() const { return ::kill(pid_, 0) == 0 && ::waitpid(pid_, nullptr, WNOHANG) == 0; }

 private:
  enum class Read { kData, kNothingYet, kEnd };

  // Reads what arrives within `millis`.
  Read readSome(int millis) {
    pollfd fd{stderr_, POLLIN, 0};
    if (::poll(&fd, 1, millis) <= 0) return Read::kNothingYet;
    char buffer[4096];
    const ssize_t n = ::read(stderr_, buffer, sizeof buffer);
    if (n <= 0) return Read::kEnd;
    log_.append(buffer, static_cast<size_t>(n));
    return Read::kData;
  }

  // A constructor that throws runs no destructor: stop the child here.
  [[noreturn]] void fail(const std::string& why) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    throw std::runtime_error("dutydesk serve " + why + ":\n" + log_);
  }

  pid_t pid_ = -1;
  int stderr_ = -1;
  int port_ = 0;
  std::string log_;
};

}  // namespace dutydesk::testing
