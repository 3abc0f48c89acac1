#include "support/run.hpp"

#include "cli/app.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace stet::test {

namespace fs = std::filesystem;

std::chrono::system_clock::time_point StepClock::next() {
  m_time += std::chrono::seconds(1);
  return m_time;
}

RunResult run_stet(const std::vector<std::string>& args, const std::string& input, StepClock* clock) {
  std::vector<std::string> storage = {"stet"};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : storage) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  std::istringstream in(input);
  StepClock fresh;
  StepClock* used = clock != nullptr ? clock : &fresh;
  cli::Environment env;
  env.now = [used] { return used->next(); };
  env.getenv = [](const std::string& name) -> std::optional<std::string> {
    if (name == "STET_AUTHOR") {
      return "Test Author <test@example.org>";
    }
    return std::nullopt;
  };
  env.in = &in;
  std::ostringstream out;
  std::ostringstream err;
  RunResult result;
  result.code = cli::run(static_cast<int>(storage.size()), argv.data(), out, err, env);
  result.out = out.str();
  result.err = err.str();
  return result;
}

namespace {

void write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return;
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

RunResult run_program(const std::vector<std::string>& args, const std::string& input, const fs::path& cwd,
                      const std::map<std::string, std::string>& env, std::chrono::seconds timeout) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    throw std::runtime_error("fork failed");
  }
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) {
      ::_exit(127);
    }
    for (const auto& [key, value] : env) {
      ::setenv(key.c_str(), value.c_str(), 1);
    }
    std::vector<char*> argv;
    for (const std::string& arg : args) {
      argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ::signal(SIGPIPE, SIG_IGN);
  write_all(in_pipe[1], input);
  ::close(in_pipe[1]);
  RunResult result;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  bool timed_out = false;
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    if (::poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) {
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        char buffer[65536];
        ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
        if (n <= 0) {
          ::close(fds[i].fd);
          fds[i].fd = -1;
          --open_fds;
        } else {
          (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
        }
      }
    }
  }
  if (timed_out) {
    ::kill(pid, SIGKILL);
  }
  for (auto& fd : fds) {
    if (fd.fd >= 0) {
      ::close(fd.fd);
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.code = timed_out ? -1 : (WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  return result;
}

RunResult run_binary(const std::vector<std::string>& args, const std::string& input, const fs::path& cwd,
                     const std::map<std::string, std::string>& env, std::chrono::seconds timeout) {
  std::vector<std::string> argv = {stet_binary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::map<std::string, std::string> full_env = {{"NO_COLOR", "1"}};
  full_env.insert(env.begin(), env.end());
  return run_program(argv, input, cwd, full_env, timeout);
}

fs::path stet_binary() { return STET_BINARY; }

fs::path fixtures_dir() { return STET_FIXTURES_DIR; }

std::string seed_doc(const std::string& name) { return (fixtures_dir() / "docs" / name).string(); }

bool is_one_error_line(const std::string& err) {
  return err.starts_with("stet: error: ") && err.find('\n') == err.size() - 1;
}

void expect_error(const RunResult& r, const std::string& words) {
  CAPTURE(r.out);
  CAPTURE(r.err);
  CHECK(r.code == 2);
  CHECK(is_one_error_line(r.err));
  CHECK(r.err.find(words) != std::string::npos);
}

std::string fixture_doc(const std::string& name) { return read_file(fixtures_dir() / "docs" / name); }

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

bool fsck_clean(const fs::path& repo) {
  return run_program({"git", "-C", repo.string(), "fsck", "--strict", "--no-dangling"}).code == 0;
}

int env_int(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::atoi(value) : fallback;
}

fs::path corpus_dir() { return fs::path(STET_SOURCE_DIR) / ".." / "shared" / "corpus"; }

std::optional<fs::path> corpus_or_skip(const std::string& sub, const std::string& marker) {
  fs::path dir = corpus_dir() / sub;
  fs::path probe = marker.empty() ? dir : dir / marker;
  if (fs::exists(probe)) {
    return dir;
  }
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true") {
    FAIL_CHECK("shared corpus absent under CI=true: " << probe.string());
  } else {
    MESSAGE("SKIPPED: shared corpus absent: " << probe.string());
  }
  return std::nullopt;
}

std::optional<fs::path> vectors_or_skip(const std::string& sub, const std::string& marker) {
  fs::path dir = fs::path(STET_SOURCE_DIR) / ".." / "shared" / "vectors" / sub;
  fs::path probe = marker.empty() ? dir : dir / marker;
  if (fs::exists(probe)) {
    return dir;
  }
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true") {
    FAIL_CHECK("shared test vectors absent under CI=true: " << probe.string());
  } else {
    MESSAGE("SKIPPED: shared test vectors absent: " << probe.string());
  }
  return std::nullopt;
}

}  // namespace stet::test
