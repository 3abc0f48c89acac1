// The everyday rough edges of the command line, each pinned: colour flags,
// help, JSON everywhere, refusals that say why, and differences that would
// otherwise print as nothing.

#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using stet::test::expect_error;
using stet::test::write_file;

TEST_SUITE_BEGIN("e2e");

namespace fs = std::filesystem;
using stet::test::run_binary;
using stet::test::run_stet;
using stet::test::RunResult;

namespace {}  // namespace

TEST_CASE("cli: --color=always") {
  stet::test::TempDir dir;
  write_file(dir / "a.txt", "The old words stay.\n");
  write_file(dir / "b.txt", "The new words stay.\n");
  std::vector<std::string> args = {"diff", "--files", (dir / "a.txt").string(), (dir / "b.txt").string()};
  SUBCASE("picks the color format when output is a pipe") {
    args.push_back("--color=always");
    RunResult r = run_binary(args);
    CHECK(r.code == 1);
    CHECK(r.out.find("\x1b[31mold\x1b[m") != std::string::npos);
  }
  SUBCASE("wins over NO_COLOR") {
    args.push_back("--color=always");
    RunResult r = run_binary(args, "", {}, {{"NO_COLOR", "1"}});
    CHECK(r.out.find("\x1b[32mnew\x1b[m") != std::string::npos);
  }
  SUBCASE("without it a pipe gets plain wdiff") {
    RunResult r = run_binary(args);
    CHECK(r.out == "The [-old-]{+new+} words stay.\n");
  }
}

TEST_CASE("cli: help") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{}, std::vector<std::string>{"help"}}) {
    RunResult r = run_binary(args);
    CAPTURE(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("Subcommands:") != std::string::npos);
    CHECK(r.out.find("  diff ") != std::string::npos);
    CHECK(r.out.find("stet help COMMAND") != std::string::npos);
  }
  RunResult diff = run_binary({"help", "diff"});
  CHECK(diff.code == 0);
  CHECK(diff.out.find("--context") != std::string::npos);
  expect_error(run_binary({"help", "nonsense"}), "unknown command 'nonsense'");
}

TEST_CASE("cli: --format json on keygen and checkpoint") {
  stet::test::TempDir dir;
  std::string key = (dir / "k.pem").string();
  RunResult keygen = run_stet({"keygen", key, "--format", "json"});
  REQUIRE(keygen.code == 0);
  auto keys = nlohmann::json::parse(keygen.out);
  CHECK(keys["private_key"] == key);
  CHECK(keys["public_key"] == key + ".pub");
  std::string store = (dir / "store").string();
  REQUIRE(run_stet({"--store", store, "init"}).code == 0);
  std::string out = (dir / "cp.json").string();
  RunResult cp = run_stet({"--store", store, "checkpoint", "--sign", key, "-o", out, "--format", "json"});
  REQUIRE(cp.code == 0);
  auto said = nlohmann::json::parse(cp.out);
  CHECK(said["output"] == out);
  CHECK(said["versions"] == 0);
  CHECK(said["head"].get<std::string>().size() == 40);
  CHECK(fs::exists(out));
  CHECK(nlohmann::json::parse(run_stet({"--store", store, "checkpoint", "--format", "json"}).out).is_object());
}

TEST_CASE("cli: refusals that say why") {
  stet::test::TempDir dir;
  SUBCASE("ingest - without --doc") {
    fs::path store = dir / "store";
    expect_error(run_stet({"--store", store.string(), "ingest", "-"}, "piped text\n"), "give one with --doc ID");
    CHECK_FALSE(fs::exists(store));
  }
  SUBCASE("keygen into a missing folder") {
    expect_error(run_stet({"keygen", (dir / "keys" / "x.pem").string()}), "x.pem: No such file or directory");
  }
  SUBCASE("--context -1") {
    write_file(dir / "a.txt", "a\n");
    expect_error(run_stet({"diff", "--files", (dir / "a.txt").string(), (dir / "a.txt").string(), "--context", "-1"}),
                 "0 or more");
  }
}

TEST_CASE("cli: a difference in layout alone says what differs") {
  stet::test::TempDir dir;
  write_file(dir / "lf.txt", "Hello world.\nSecond line.\n");
  write_file(dir / "crlf.txt", "Hello world.\r\nSecond line.\r\n");
  write_file(dir / "bom.txt", "\xEF\xBB\xBFHello world.\nSecond line.\n");
  write_file(dir / "space.txt", "Hello   world.\nSecond line.\n");
  struct Case {
    std::string file;
    std::string says;
  };
  const Case cases[] = {{"crlf.txt", "only the line endings differ: A uses LF, B uses CRLF"},
                        {"bom.txt", "only the byte-order mark differs: B has one, A has none"},
                        {"space.txt", "only white space differs"}};
  for (const Case& c : cases) {
    CAPTURE(c.file);
    std::vector<std::string> args = {"diff", "--files", (dir / "lf.txt").string(), (dir / c.file).string()};
    for (const char* format : {"color", "stat", "html", "json"}) {
      CAPTURE(format);
      std::vector<std::string> with = args;
      with.insert(with.end(), {"--format", format});
      RunResult r = run_stet(with);
      CHECK(r.out.find(c.says) != std::string::npos);
    }
    RunResult wdiff = run_stet(args);  // not a terminal: wdiff, the note beside it
    CHECK(wdiff.err ==
          "stet: " + c.says +
              (c.file == "space.txt" ? " (spaces, tabs or line breaks); --show-whitespace marks them" : "") + "\n");
  }
  RunResult same =
      run_stet({"diff", "--files", (dir / "lf.txt").string(), (dir / "lf.txt").string(), "--format", "stat"});
  CHECK(same.out.find("differs ") == std::string::npos);
}

TEST_CASE("cli: diff --format html names versions by SHA-256") {
  stet::test::TempDir dir;
  std::string store = (dir / "store").string();
  stet::test::StepClock clock;
  write_file(dir / "a.txt", "First text.\n");
  write_file(dir / "b.txt", "Second text.\n");
  REQUIRE(run_stet({"--store", store, "ingest", (dir / "a.txt").string(), "--doc", "d"}, "", &clock).code == 0);
  REQUIRE(run_stet({"--store", store, "ingest", (dir / "b.txt").string(), "--doc", "d"}, "", &clock).code == 0);
  auto log = nlohmann::json::parse(run_stet({"--store", store, "log", "d", "--format", "json"}, "", &clock).out);
  RunResult html = run_stet({"--store", store, "diff", "d", "--format", "html"}, "", &clock);
  CAPTURE(html.out);
  CHECK(html.out.find("d@1") != std::string::npos);
  CHECK(html.out.find(log[0]["sha256"].get<std::string>().substr(0, 12)) != std::string::npos);
  CHECK(html.out.find(log[1]["sha256"].get<std::string>().substr(0, 12)) != std::string::npos);
}

TEST_CASE("cli: every command takes --format json but those the README names") {
  // The README's promise, checked against the command list itself, so that a
  // new command without --format fails here. `remote` takes it on its
  // subcommands; report writes a page, help prints help, and the
  // transparency-log commands write or check C2SP text forms.
  const std::set<std::string> without = {"report",       "help",         "consistency", "prove",
                                         "verify-proof", "export-tiles", "verify-tiles"};
  RunResult list = run_binary({"help"});
  REQUIRE(list.code == 0);
  std::vector<std::string> commands;
  std::istringstream lines(list.out.substr(list.out.find("Subcommands:")));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && line.rfind("  ", 0) == 0) {
    std::string name = line.substr(2, line.find(' ', 2) - 2);
    if (!name.empty()) {
      commands.push_back(name);
    }
  }
  CHECK(commands.size() >= 20);
  for (const std::string& command : commands) {
    CAPTURE(command);
    RunResult help = command == "remote" ? run_binary({"remote", "list", "--help"}) : run_binary({"help", command});
    CHECK(help.code == 0);
    bool takes_format = help.out.find("--format") != std::string::npos;
    CHECK(takes_format == (without.count(command) == 0));
    if (takes_format) {
      CHECK(help.out.find("json") != std::string::npos);
    }
  }
}

TEST_SUITE_END();
