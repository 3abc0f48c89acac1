// Every read re-hashes: a version whose bytes were changed with plain git is
// refused by every command that would show or use them.

#include "store/content_store.hpp"
#include "store/error.hpp"
#include "support/run.hpp"
#include "support/tamper.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using stet::test::write_file;

TEST_SUITE_BEGIN("unit");

namespace fs = std::filesystem;
using stet::test::RunResult;
using stet::test::TempDir;

namespace {

RunResult stet_in(const fs::path& store, std::vector<std::string> args) {
  args.insert(args.begin(), {"--store", store.string()});
  return stet::test::run_stet(args);
}

// Document `a` in two versions, then the bytes of one of them replaced
// through plain git (the record and its SHA-256 left as they were).
fs::path tampered_store(const TempDir& dir) {
  fs::path store = dir / "store";
  write_file(dir / "one.txt", "The first version of the text.\n");
  write_file(dir / "two.txt", "The second version of the text, longer.\n");
  REQUIRE(stet_in(store, {"ingest", (dir / "one.txt").string(), "--doc", "a"}).code == 0);
  REQUIRE(stet_in(store, {"ingest", (dir / "two.txt").string(), "--doc", "a"}).code == 0);
  std::string path = stet::test::path_of(store, "a", "content");
  stet::test::commit_change(store, path, "The altered version of the text.\n");
  return store;
}

}  // namespace

TEST_CASE("store::ContentStore::content re-hashes the bytes") {
  TempDir dir;
  fs::path store_path = tampered_store(dir);
  auto store = stet::store::ContentStore::open(store_path);
  auto versions = store.history("a");
  REQUIRE(versions);
  REQUIRE(versions->size() == 2);
  int refused = 0;
  for (const auto& v : *versions) {
    try {
      (void)store.content("a", v.sha256);
    } catch (const stet::store::CorruptContentError& e) {
      ++refused;
      std::string what = e.what();
      CHECK(what.find("a@" + std::to_string(v.number)) != std::string::npos);
      CHECK(what.find("stet verify a") != std::string::npos);
    }
  }
  CHECK(refused == 1);
}

TEST_CASE("cli: every command that reads version bytes refuses altered bytes") {
  TempDir dir;
  fs::path store = tampered_store(dir);
  const std::vector<std::vector<std::string>> commands = {{"show", "a@1"},
                                                          {"show", "a@2"},
                                                          {"diff", "a@1", "a@2"},
                                                          {"diff", "a"},
                                                          {"check", "a"},
                                                          {"log", "a"},
                                                          {"log", "a", "--format", "json"},
                                                          {"report", "a", "-o", (dir / "r.html").string()}};
  int shown = 0;
  for (const auto& args : commands) {
    CAPTURE(args.front());
    CAPTURE(args.back());
    RunResult r = stet_in(store, args);
    CAPTURE(r.out);
    CAPTURE(r.err);
    if (args == std::vector<std::string>{"show", "a@1"} || args == std::vector<std::string>{"show", "a@2"}) {
      // One of the two versions is intact and still shown.
      shown += r.code == 0 ? 1 : 0;
      if (r.code == 0) {
        continue;
      }
    }
    CHECK(r.code == 2);
    CHECK(stet::test::is_one_error_line(r.err));
    CHECK(r.err.find("do not match their SHA-256") != std::string::npos);
    CHECK(r.err.find("stet verify a") != std::string::npos);
    CHECK(r.out.find("altered version") == std::string::npos);
  }
  CHECK(shown == 1);
  CHECK_FALSE(fs::exists(dir / "r.html"));
}

TEST_SUITE_END();
