// Fault injection: each case damages a real store made by the real binary,
// with real git commands or byte edits, then runs the real `stet verify`.

#include "support/run.hpp"
#include "support/tamper.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

TEST_SUITE_BEGIN("e2e");

namespace fs = std::filesystem;
using stet::test::git;
using stet::test::RunResult;
using stet::test::TempDir;

namespace {

constexpr auto k_timeout = std::chrono::seconds(60);

RunResult run_in_store(const fs::path& store, std::vector<std::string> args) {
  args.insert(args.begin(), {"--store", store.string()});
  return stet::test::run_binary(args, "", {}, {{"STET_AUTHOR", "Tester <t@example.org>"}}, k_timeout);
}

// A store with two documents, one of them in two versions and seen twice.
fs::path make_store(const TempDir& dir) {
  fs::path store = dir / "store";
  fs::path docs = stet::test::fixtures_dir() / "docs";
  REQUIRE(run_in_store(store, {"ingest", (docs / "nato-2014-03-17-republished.txt").string(), "--doc", "nato",
                               "--source", "https://example.org/nato"})
              .code == 0);
  REQUIRE(run_in_store(store, {"ingest", (docs / "sg-crimea-republished.txt").string(), "--doc", "sg"}).code == 0);
  REQUIRE(run_in_store(store, {"ingest", (docs / "nac-statement-original.txt").string(), "--doc", "sg"}).code == 0);
  REQUIRE(run_in_store(store, {"ingest", (docs / "nato-2014-03-17-republished.txt").string(), "--doc", "nato"}).code ==
          0);
  return store;
}

std::string blob_id(const fs::path& store, const std::string& path) {
  std::string id = git(store, {"rev-parse", "HEAD:" + path});
  id.pop_back();
  return id;
}

void expect_finding(const RunResult& r, const std::string& kind, const std::string& names) {
  CAPTURE(r.out);
  CAPTURE(r.err);
  CHECK(r.code == 1);
  CHECK(r.out.find(kind + ": ") != std::string::npos);
  CHECK(r.out.find(names) != std::string::npos);
  CHECK(r.out.find("stet verify: ") != std::string::npos);
}

}  // namespace

TEST_CASE("fault injection: stet verify") {
  TempDir dir;
  fs::path store = make_store(dir);
  std::string content = stet::test::path_of(store, "nato", "content");
  std::string record = stet::test::path_of(store, "nato", ".json");

  SUBCASE("a clean store reports nothing") {
    RunResult r = run_in_store(store, {"verify"});
    CAPTURE(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("no findings") != std::string::npos);
    CHECK(r.out.find("checked 3 versions and 4 records of 2 documents") != std::string::npos);
  }
  SUBCASE("a byte flipped in a version's loose object") {
    stet::test::flip_byte(stet::test::loose_file(store, blob_id(store, content)), 20);
    expect_finding(run_in_store(store, {"verify"}), "object-corrupt", "affects nato@1");
  }
  SUBCASE("a byte flipped inside a pack after git gc") {
    std::string id = blob_id(store, content);
    git(store, {"gc", "-q", "--prune=now"});
    REQUIRE_FALSE(fs::exists(stet::test::loose_file(store, id)));
    std::string line =
        git(store, {"verify-pack", "-v",
                    (store / "objects/pack").string() + "/" +
                        fs::directory_iterator(store / "objects/pack")->path().stem().string() + ".idx"});
    auto at = line.find(id);
    REQUIRE(at != std::string::npos);
    std::istringstream fields(line.substr(at + 40));
    std::string type;
    long size = 0;
    long packed = 0;
    long offset = 0;
    fields >> type >> size >> packed >> offset;
    fs::path pack;
    for (const auto& e : fs::directory_iterator(store / "objects/pack")) {
      if (e.path().extension() == ".pack") {
        pack = e.path();
      }
    }
    stet::test::flip_byte(pack, offset + packed / 2);
    expect_finding(run_in_store(store, {"verify"}), "object-corrupt", "affects nato@1");
  }
  SUBCASE("a loose object truncated (finishes, no hang)") {
    fs::path file = stet::test::loose_file(store, blob_id(store, content));
    fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
    fs::resize_file(file, fs::file_size(file) / 2);
    RunResult r = run_in_store(store, {"verify"});
    CHECK(r.code != -1);
    expect_finding(r, "object-corrupt", "truncated");
    CHECK(r.out.find("affects nato@1") != std::string::npos);
  }
  SUBCASE("a loose object emptied") {
    fs::path file = stet::test::loose_file(store, blob_id(store, record));
    fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
    fs::resize_file(file, 0);
    expect_finding(run_in_store(store, {"verify"}), "object-corrupt", "is empty");
  }
  SUBCASE("an object deleted") {
    fs::remove(stet::test::loose_file(store, blob_id(store, content)));
    expect_finding(run_in_store(store, {"verify"}), "object-missing", "affects nato@1");
  }
  SUBCASE("a version overwritten by a later plain-git commit") {
    stet::test::commit_change(store, content, "replaced text\n");
    RunResult r = run_in_store(store, {"verify"});
    expect_finding(r, "history-changed", "affects nato@1");
    CHECK(r.out.find("content-mismatch: ") != std::string::npos);
  }
  SUBCASE("a version deleted by a later plain-git commit") {
    std::string version_dir = content.substr(0, content.rfind('/'));
    stet::test::commit_change(store, version_dir, "", true);
    expect_finding(run_in_store(store, {"verify"}), "history-removed", "affects nato@1");
  }
  SUBCASE("the metadata of a version edited") {
    std::string json = git(store, {"show", "HEAD:" + record});
    auto at = json.find("https://example.org/nato");
    REQUIRE(at != std::string::npos);
    json.replace(at, 24, "https://example.org/else");
    stet::test::commit_change(store, record, json);
    RunResult r = run_in_store(store, {"verify"});
    expect_finding(r, "history-changed", "affects nato@1");
    CHECK(r.out.find("record-mismatch: ") != std::string::npos);
  }
  SUBCASE("only the named document is checked") {
    stet::test::flip_byte(stet::test::loose_file(store, blob_id(store, content)), 20);
    CHECK(run_in_store(store, {"verify", "sg"}).code == 0);
    CHECK(run_in_store(store, {"verify", "nato"}).code == 1);
  }
  SUBCASE("json output") {
    fs::remove(stet::test::loose_file(store, blob_id(store, content)));
    RunResult r = run_in_store(store, {"verify", "--format", "json"});
    CHECK(r.code == 1);
    CHECK(r.out.find("\"kind\": \"object-missing\"") != std::string::npos);
    CHECK(r.out.find("\"clean\": false") != std::string::npos);
  }
}

TEST_CASE("fault injection: stet verify --checkpoint (format 1 JSON)") {
  TempDir dir;
  fs::path store = make_store(dir);
  fs::path checkpoint = dir / "cp.json";
  REQUIRE(run_in_store(store, {"keygen", (dir / "key").string()}).code == 0);
  REQUIRE(run_in_store(store,
                       {"checkpoint", "--format", "json", "--sign", (dir / "key").string(), "-o", checkpoint.string()})
              .code == 0);
  auto verify = [&] {
    return run_in_store(store, {"verify", "--checkpoint", checkpoint.string(), "--key", (dir / "key.pub").string()});
  };

  SUBCASE("an untouched store passes") { CHECK(verify().code == 0); }
  SUBCASE("an extended store passes") {
    REQUIRE(
        run_in_store(store, {"ingest", (stet::test::fixtures_dir() / "docs/nac-statement-republished.txt").string()})
            .code == 0);
    CHECK(verify().code == 0);
  }
  SUBCASE("a history rewrite (amend) after a checkpoint") {
    std::string tree = git(store, {"rev-parse", "HEAD^{tree}"});
    tree.pop_back();
    std::string parent = git(store, {"rev-parse", "HEAD~1"});
    parent.pop_back();
    std::string amended = stet::test::run_program(
                              {"git", "-C", store.string(), "commit-tree", tree, "-p", parent, "-m", "amended"}, "", {},
                              {{"GIT_AUTHOR_NAME", "x"},
                               {"GIT_AUTHOR_EMAIL", "x@x"},
                               {"GIT_COMMITTER_NAME", "x"},
                               {"GIT_COMMITTER_EMAIL", "x@x"}})
                              .out;
    amended.pop_back();
    git(store, {"update-ref", "refs/heads/main", amended});
    CHECK(run_in_store(store, {"verify"}).code == 0);  // consistent in itself: only a checkpoint can tell
    expect_finding(verify(), "checkpoint-mismatch", "history was rewritten");
  }
  SUBCASE("a ref moved back") {
    git(store, {"update-ref", "refs/heads/main", "HEAD~2"});
    RunResult r = verify();
    expect_finding(r, "checkpoint-mismatch", "moved back");
  }
  SUBCASE("a checkpoint with a tampered signature") {
    std::string text = stet::test::read_file(checkpoint);
    auto at = text.find("\"records\": 4");
    REQUIRE(at != std::string::npos);
    text.replace(at, 12, "\"records\": 5");
    std::ofstream(checkpoint, std::ios::trunc) << text;
    expect_finding(verify(), "checkpoint-signature", "does not verify");
  }
  SUBCASE("a checkpoint re-signed with another key") {
    REQUIRE(run_in_store(store, {"keygen", (dir / "other").string()}).code == 0);
    fs::path forged = dir / "forged.json";
    REQUIRE(run_in_store(store,
                         {"checkpoint", "--format", "json", "--sign", (dir / "other").string(), "-o", forged.string()})
                .code == 0);
    RunResult r = run_in_store(store, {"verify", "--checkpoint", forged.string(), "--key", (dir / "key.pub").string()});
    expect_finding(r, "checkpoint-signature", "another key");
  }
}

// A back-filled older capture is ingested after a newer one: log numbers it
// v1 (timeline order), and so must the findings about it.
TEST_CASE("fault injection: findings number versions as log does") {
  TempDir dir;
  fs::path store = dir / "store";
  fs::path newer = dir / "newer.txt";
  fs::path older = dir / "older.txt";
  std::ofstream(newer) << "The later text of the terms.\n";
  std::ofstream(older) << "The first text of the terms.\n";
  REQUIRE(run_in_store(store, {"ingest", newer.string(), "--doc", "terms", "--retrieved", "2020-01-01"}).code == 0);
  REQUIRE(run_in_store(store, {"ingest", older.string(), "--doc", "terms", "--retrieved", "2019-01-01"}).code == 0);
  RunResult log = run_in_store(store, {"log", "terms", "--oneline"});
  REQUIRE(log.code == 0);
  REQUIRE(log.out.find("v1  ") != std::string::npos);
  std::string v1_sha = log.out.substr(log.out.find("v1  ") + 4, 8);
  std::string content;
  for (const std::string& line : {git(store, {"ls-tree", "-r", "--name-only", "HEAD"})}) {
    std::istringstream lines(line);
    for (std::string path; std::getline(lines, path);) {
      if (path.find("/_versions/" + v1_sha) != std::string::npos && path.ends_with("/content")) {
        content = path;
      }
    }
  }
  REQUIRE_FALSE(content.empty());
  SUBCASE("its object damaged") {
    stet::test::flip_byte(stet::test::loose_file(store, blob_id(store, content)), 20);
    RunResult r = run_in_store(store, {"verify"});
    expect_finding(r, "object-corrupt", "affects terms@1  sha256 " + v1_sha);
    CHECK(r.out.find("terms@2") == std::string::npos);
  }
  SUBCASE("its folder removed by a plain-git commit") {
    stet::test::commit_change(store, content.substr(0, content.rfind('/')), "", true);
    RunResult r = run_in_store(store, {"verify"});
    expect_finding(r, "history-removed", "affects terms@1  sha256 " + v1_sha);
    CHECK(r.out.find("terms@2") == std::string::npos);
  }
}

TEST_SUITE_END();
