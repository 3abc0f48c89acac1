#pragma once
// Running stet in tests: in-process through cli::run (fixed clock), or as a
// real child process of the built binary (end-to-end tests).

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stet::test {

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

// A fake clock for in-process runs: starts at 2026-01-01T00:00:00Z and
// advances one second each time it is read. Share one across the runs of a
// test so that later commands see later times.
class StepClock {
 public:
  std::chrono::system_clock::time_point next();

 private:
  std::chrono::system_clock::time_point m_time =
      std::chrono::sys_days{std::chrono::year{2026} / std::chrono::January / 1};
};

// Runs `stet args...` in-process with `clock` (a fresh one when absent),
// $STET_STORE unset, STET_AUTHOR set to a test identity, and `input` as
// standard input.
[[nodiscard]] RunResult run_stet(const std::vector<std::string>& args, const std::string& input = "",
                                 StepClock* clock = nullptr);

// Runs the built `stet` binary as a child process with `args`, feeding
// `input` on stdin, in working directory `cwd` (default: current), with
// extra environment variables. Waits at most `timeout`; a hung child is
// killed and reported with code -1.
[[nodiscard]] RunResult run_binary(const std::vector<std::string>& args, const std::string& input = "",
                                   const std::filesystem::path& cwd = {},
                                   const std::map<std::string, std::string>& env = {},
                                   std::chrono::seconds timeout = std::chrono::seconds(120));

// Runs any program (argv[0] looked up in PATH) the same way.
[[nodiscard]] RunResult run_program(const std::vector<std::string>& argv, const std::string& input = "",
                                    const std::filesystem::path& cwd = {},
                                    const std::map<std::string, std::string>& env = {},
                                    std::chrono::seconds timeout = std::chrono::seconds(120));

// The path of the built stet binary.
[[nodiscard]] std::filesystem::path stet_binary();

// The fixtures folder and the shared corpus (which may be absent).
[[nodiscard]] std::filesystem::path fixtures_dir();
[[nodiscard]] std::filesystem::path corpus_dir();

// The shared corpus path `sub` (below corpus_dir()) when `marker` exists in
// it, else nullopt. Absent, the test is skipped visibly (a MESSAGE naming the
// path), and when $CI is "true" it fails instead: CI must never pass a test
// that did not run. Call as:
//   auto dir = stet::test::corpus_or_skip("history");
//   if (!dir) { return; }
[[nodiscard]] std::optional<std::filesystem::path> corpus_or_skip(const std::string& sub,
                                                                  const std::string& marker = "");

// The shared test vectors path `sub` (below ../shared/vectors), skipped or
// failed like corpus_or_skip when absent.
[[nodiscard]] std::optional<std::filesystem::path> vectors_or_skip(const std::string& sub,
                                                                   const std::string& marker = "");

// The path of fixtures/docs/NAME, as a string for argument lists.
[[nodiscard]] std::string seed_doc(const std::string& name);

// Whether `err` is exactly one line "stet: error: ...\n" (the bad-input contract).
[[nodiscard]] bool is_one_error_line(const std::string& err);

// Checks the bad-input contract on `r`: exit 2, one error line, containing `words`.
void expect_error(const RunResult& r, const std::string& words);

// The content of fixtures/docs/NAME.
[[nodiscard]] std::string fixture_doc(const std::string& name);

// How many times `what` occurs in `text` (overlapping occurrences count).
[[nodiscard]] std::size_t count_of(const std::string& text, const std::string& what);

// Whether `git fsck --strict` finds the repository at `repo` sound.
[[nodiscard]] bool fsck_clean(const std::filesystem::path& repo);

// The integer in environment variable `name`, or `fallback` when unset or empty
// (test sizes: STET_CRASH_ROUNDS, STET_CONCURRENCY_INGESTS, ...).
[[nodiscard]] int env_int(const char* name, int fallback);

}  // namespace stet::test
