#pragma once
// A real child process that runs in the background while the test goes on:
// started, polled, killed with SIGKILL at a chosen moment, reaped. Its
// standard output and error go to files so nothing blocks on a pipe.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stet::test {

class Child {
 public:
  // Starts `argv` (argv[0] is a path) with standard input from /dev/null,
  // output to `out` and `err`, and `env` added to the environment.
  Child(const std::vector<std::string>& argv, const std::filesystem::path& out, const std::filesystem::path& err,
        const std::map<std::string, std::string>& env = {});
  ~Child();  // kills and reaps a child that is still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // The exit code once the child has ended (128 + signal when killed by
  // one); nullopt while it runs. Never blocks.
  [[nodiscard]] std::optional<int> poll();
  // Waits up to `timeout` for the child to end (killing it after that) and
  // returns its exit code.
  int wait(std::chrono::seconds timeout = std::chrono::seconds(120));
  // Sends SIGKILL (no-op once reaped) and reaps; returns the exit code.
  int kill_and_reap();
  [[nodiscard]] int pidfd() const { return m_pidfd; }
  // Peak resident memory (KiB) of the child and the children it waited
  // for; 0 until reaped.
  [[nodiscard]] long max_rss_kib() const { return m_max_rss_kib; }

 private:
  int m_pid = -1;
  int m_pidfd = -1;
  std::optional<int> m_code;
  long m_max_rss_kib = 0;
};

// Blocks until one of `children` can be reaped or `deadline` passes (poll(2)
// on their pidfds, no sleeping). Children already reaped are ignored.
void wait_for_any(const std::vector<Child*>& children, std::chrono::steady_clock::time_point deadline);

}  // namespace stet::test
