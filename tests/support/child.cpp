#include "support/child.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace stet::test {

namespace {

int code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

[[noreturn]] void exec_child(const std::vector<std::string>& argv, const std::filesystem::path& out,
                             const std::filesystem::path& err, const std::map<std::string, std::string>& env) {
  int in_fd = ::open("/dev/null", O_RDONLY);
  int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in_fd < 0 || out_fd < 0 || err_fd < 0) {
    ::_exit(126);
  }
  ::dup2(in_fd, 0);
  ::dup2(out_fd, 1);
  ::dup2(err_fd, 2);
  for (const auto& [key, value] : env) {
    ::setenv(key.c_str(), value.c_str(), 1);
  }
  std::vector<char*> args;
  for (const std::string& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  ::_exit(127);
}

}  // namespace

Child::Child(const std::vector<std::string>& argv, const std::filesystem::path& out, const std::filesystem::path& err,
             const std::map<std::string, std::string>& env) {
  m_pid = ::fork();
  if (m_pid < 0) {
    throw std::runtime_error("fork failed");
  }
  if (m_pid == 0) {
    exec_child(argv, out, err, env);
  }
  // glibc 2.36's <sys/pidfd.h> lacks C linkage for C++, so use the syscall.
  m_pidfd = static_cast<int>(::syscall(SYS_pidfd_open, m_pid, 0));
  if (m_pidfd < 0) {
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
    throw std::runtime_error("pidfd_open failed");
  }
}

Child::~Child() {
  if (!m_code) {
    kill_and_reap();
  }
  ::close(m_pidfd);
}

std::optional<int> Child::poll() {
  if (m_code) {
    return m_code;
  }
  int status = 0;
  rusage usage{};
  if (::wait4(m_pid, &status, WNOHANG, &usage) == m_pid) {
    m_code = code_of(status);
    m_max_rss_kib = usage.ru_maxrss;
  }
  return m_code;
}

int Child::wait(std::chrono::seconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!poll() && std::chrono::steady_clock::now() < deadline) {
    wait_for_any({this}, deadline);
  }
  return kill_and_reap();
}

int Child::kill_and_reap() {
  if (m_code) {
    return *m_code;
  }
  ::kill(m_pid, SIGKILL);
  int status = 0;
  rusage usage{};
  while (::wait4(m_pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  m_code = code_of(status);
  m_max_rss_kib = usage.ru_maxrss;
  return *m_code;
}

void wait_for_any(const std::vector<Child*>& children, std::chrono::steady_clock::time_point deadline) {
  std::vector<pollfd> fds;
  for (Child* child : children) {
    if (!child->poll()) {
      fds.push_back({child->pidfd(), POLLIN, 0});
    }
  }
  if (fds.empty()) {
    return;
  }
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (left.count() > 0) {
    ::poll(fds.data(), fds.size(), static_cast<int>(left.count()));
  }
}

}  // namespace stet::test
