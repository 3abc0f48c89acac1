// Golden tests: every fixtures/golden/<case>/ runs `stet` in-process with the
// arguments in `args` (one per line) and compares standard output and the
// exit code byte for byte. STET_UPDATE_GOLDEN=1 rewrites the expected files.

#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

TEST_SUITE_BEGIN("unit");

namespace fs = std::filesystem;
using stet::test::TempDir;

namespace {

std::string substitute(std::string text, const TempDir& dir) {
  auto replace_all = [&text](const std::string& from, const std::string& to) {
    for (std::size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
      text.replace(pos, from.size(), to);
    }
  };
  replace_all("{fixtures}", stet::test::fixtures_dir().string());
  replace_all("{store}", (dir / "store").string());
  replace_all("{tmp}", dir.path().string());
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  return lines;
}

std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  for (std::string word; in >> word;) {
    words.push_back(word);
  }
  return words;
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

void run_case(const fs::path& dir) {
  TempDir temp;
  stet::test::StepClock clock;
  if (fs::exists(dir / "setup")) {
    for (const std::string& line : lines_of(stet::test::read_file(dir / "setup"))) {
      auto result = stet::test::run_stet(words_of(substitute(line, temp)), "", &clock);
      INFO("setup: ", line, "\n", result.err);
      REQUIRE(result.code == 0);
    }
  }
  auto args = lines_of(substitute(stet::test::read_file(dir / "args"), temp));
  auto result = stet::test::run_stet(args, "", &clock);
  // Paths of the temporary and fixtures folders vary between machines.
  std::string out = result.out;
  for (const auto& [path, name] :
       {std::pair{temp.path().string(), "{tmp}"}, std::pair{stet::test::fixtures_dir().string(), "{fixtures}"}}) {
    for (std::size_t pos = out.find(path); pos != std::string::npos; pos = out.find(path, pos)) {
      out.replace(pos, path.size(), name);
    }
  }
  std::string code = std::to_string(result.code) + "\n";
  if (std::getenv("STET_UPDATE_GOLDEN") != nullptr) {
    write_text(dir / "expected.out", out);
    write_text(dir / "expected.code", code);
    return;
  }
  CHECK(out == stet::test::read_file(dir / "expected.out"));
  CHECK(code == stet::test::read_file(dir / "expected.code"));
}

}  // namespace

TEST_CASE("cli golden outputs") {
  fs::path root = stet::test::fixtures_dir() / "golden";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "args")) {
      cases.push_back(entry.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  for (const fs::path& dir : cases) {
    SUBCASE(dir.filename().string().c_str()) {
      CAPTURE(dir);
      run_case(dir);
    }
  }
}

TEST_SUITE_END();
