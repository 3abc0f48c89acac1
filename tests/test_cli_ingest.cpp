// End-to-end tests of init/ingest/list/log/show through the real binary:
// output, exit codes, and that refused input leaves the store untouched.

#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

TEST_SUITE_BEGIN("e2e");

namespace fs = std::filesystem;
using stet::test::is_one_error_line;
using stet::test::run_binary;
using stet::test::seed_doc;
using stet::test::TempDir;

TEST_CASE("cli ingest, list, log and show") {
  TempDir dir;
  std::string store = (dir / "store").string();
  auto first = run_binary({"--store", store, "ingest", seed_doc("nac-statement-republished.txt"), "--source",
                           "https://example.org/news", "--retrieved", "2014-03-18T09:30:00Z"});
  REQUIRE(first.code == 0);
  CHECK(first.err.find("created a new store") != std::string::npos);
  CHECK(first.out.starts_with("nac-statement-republished@1  aa756e659674  new"));

  SUBCASE("re-ingest of identical bytes is a sighting") {
    auto again =
        run_binary({"--store", store, "ingest", seed_doc("nac-statement-republished.txt"), "--format", "json"});
    REQUIRE(again.code == 0);
    auto json = nlohmann::json::parse(again.out);
    CHECK(json[0]["status"] == "unchanged");
    CHECK(json[0]["version"] == 1);
    auto log = nlohmann::json::parse(
        run_binary({"--store", store, "log", "nac-statement-republished", "--format", "json"}).out);
    CHECK(log[0]["sightings"].size() == 1);
  }
  SUBCASE("show prints the exact bytes, by number and by hash prefix") {
    std::string bytes = stet::test::read_file(seed_doc("nac-statement-republished.txt"));
    CHECK(run_binary({"--store", store, "show", "nac-statement-republished"}).out == bytes);
    CHECK(run_binary({"--store", store, "show", "nac-statement-republished@1"}).out == bytes);
    CHECK(run_binary({"--store", store, "show", "nac-statement-republished@aa756e65"}).out == bytes);
  }
  SUBCASE("STET_STORE and ./.stet are used when --store is absent") {
    auto listed = run_binary({"list", "--format", "json"}, "", {}, {{"STET_STORE", store}});
    REQUIRE(listed.code == 0);
    CHECK(nlohmann::json::parse(listed.out)[0]["id"] == "nac-statement-republished");
    auto here = run_binary({"ingest", seed_doc("sg-crimea-republished.txt")}, "", dir.path());
    CHECK(here.code == 0);
    CHECK(fs::exists(dir / ".stet" / "HEAD"));
  }
  SUBCASE("ingested-by: --author, else git's identity, else the login name") {
    dir.write("home/.gitconfig", "[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n");
    std::map<std::string, std::string> env = {{"HOME", (dir / "home").string()}, {"XDG_CONFIG_HOME", ""}};
    dir.write("one.txt", "one\n");
    dir.write("two.txt", "two\n");
    dir.write("three.txt", "three\n");
    REQUIRE(run_binary({"--store", store, "ingest", (dir / "one.txt").string()}, "", {}, env).code == 0);
    REQUIRE(run_binary({"--store", store, "ingest", (dir / "two.txt").string(), "--author", "Grace <g@example.org>"},
                       "", {}, env)
                .code == 0);
    env["HOME"] = (dir / "nowhere").string();
    env["USER"] = "login-name";
    REQUIRE(run_binary({"--store", store, "ingest", (dir / "three.txt").string()}, "", {}, env).code == 0);
    auto who = [&](const char* doc) {
      auto log = run_binary({"--store", store, "log", doc, "--format", "json"});
      return nlohmann::json::parse(log.out)[0]["ingested_by"].get<std::string>();
    };
    CHECK(who("one") == "Ada Lovelace <ada@example.org>");
    CHECK(who("two") == "Grace <g@example.org>");
    CHECK(who("three") == "login-name");
  }
  SUBCASE("standard input") {
    auto in = run_binary({"--store", store, "ingest", "-", "--doc", "from-stdin"}, "piped text\n");
    REQUIRE(in.code == 0);
    CHECK(run_binary({"--store", store, "show", "from-stdin"}).out == "piped text\n");
  }
}

TEST_CASE("cli bad input: exit 2, one line, store unchanged") {
  TempDir dir;
  std::string store = (dir / "store").string();
  REQUIRE(run_binary({"--store", store, "ingest", seed_doc("nac-statement-republished.txt")}).code == 0);
  dir.write("good.txt", "A good text.\n");
  dir.write("nul.txt", std::string("abc\0def\n", 8));
  dir.write("report.pdf", "%PDF-1.5\n%\xe2\xe3\n");
  dir.write("empty.txt", "");
  fs::create_directories(dir / "folder");
  dir.write("notastore", "just a file");
  std::string good = (dir / "good.txt").string();

  struct Case {
    const char* name;
    std::vector<std::string> args;
    const char* expect;
  };
  std::vector<Case> cases = {
      {"binary file", {"ingest", good, (dir / "nul.txt").string()}, "NUL byte"},
      {"a PDF", {"ingest", good, (dir / "report.pdf").string()}, "is a PDF document"},
      {"empty file", {"ingest", (dir / "empty.txt").string()}, "is empty"},
      {"missing file", {"ingest", good, (dir / "missing.txt").string()}, "no such file"},
      {"unreadable file", {"ingest", "/proc/self/mem"}, "cannot be read"},
      {"a folder", {"ingest", (dir / "folder").string()}, "is a folder"},
      {"invalid id: upper case", {"ingest", good, "--doc", "Bad"}, "invalid document id"},
      {"invalid id: dot-dot", {"ingest", good, "--doc", "a/../b"}, "invalid document id"},
      {"invalid id: leading slash", {"ingest", good, "--doc", "/abs"}, "invalid document id"},
      {"invalid id: control character", {"ingest", good, "--doc", "a\tb"}, "invalid document id"},
      {"too many ids", {"ingest", good, "--doc", "a", "--doc", "b"}, "--doc ids"},
      {"bad --retrieved", {"ingest", good, "--retrieved", "yesterday"}, "RFC 3339"},
      {"unknown document", {"log", "nope"}, "unknown document"},
      {"unknown revision", {"show", "nac-statement-republished@7"}, "unknown revision"},
      {"unknown hash revision", {"show", "nac-statement-republished@deadbeef"}, "unknown revision"},
      {"short hash revision", {"show", "nac-statement-republished@abc"}, "invalid revision"},
      {"unknown format", {"list", "--format", "yaml"}, "unknown format"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      std::string before = stet::test::tree_fingerprint(store);
      std::vector<std::string> args = {"--store", store};
      args.insert(args.end(), c.args.begin(), c.args.end());
      auto result = run_binary(args);
      CAPTURE(result.err);
      CHECK(result.code == 2);
      CHECK(is_one_error_line(result.err));
      CHECK(result.err.find(c.expect) != std::string::npos);
      CHECK(result.out.empty());
      CHECK(stet::test::tree_fingerprint(store) == before);
    }
  }
  SUBCASE("a store path that is a file, or a foreign repository") {
    auto file = run_binary({"--store", (dir / "notastore").string(), "ingest", good});
    CHECK(file.code == 2);
    CHECK(file.err.find("not a stet store") != std::string::npos);
    CHECK(stet::test::read_file(dir / "notastore") == "just a file");
    REQUIRE(stet::test::run_program({"git", "init", "-q", "--bare", (dir / "foreign").string()}).code == 0);
    std::string before = stet::test::tree_fingerprint(dir / "foreign");
    auto foreign = run_binary({"--store", (dir / "foreign").string(), "ingest", good});
    CHECK(foreign.code == 2);
    CHECK(is_one_error_line(foreign.err));
    CHECK(stet::test::tree_fingerprint(dir / "foreign") == before);
    auto missing = run_binary({"--store", (dir / "nowhere").string(), "list"});
    CHECK(missing.code == 2);
    CHECK(missing.err.find("stet init") != std::string::npos);
  }
  SUBCASE("init refuses an existing path") {
    auto again = run_binary({"--store", store, "init"});
    CHECK(again.code == 2);
    CHECK(again.err.find("already exists") != std::string::npos);
  }
}

TEST_SUITE_END();
