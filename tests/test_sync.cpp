// Sync through a bare git remote: stores ingest apart, push and pull in
// various orders, and end with the same versions (a union, nothing lost).

#include "store/content_store.hpp"
#include "store/error.hpp"
#include "store/sync.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <set>

using stet::test::fsck_clean;

TEST_SUITE_BEGIN("unit");

namespace st = stet::store;
namespace fs = std::filesystem;
using stet::test::run_program;
using stet::test::TempDir;

namespace {

const st::SyncIdentity k_identity{"Merger <m@example.org>", "2026-02-01T00:00:00Z"};

st::IngestItem sync_item(const std::string& doc, const std::string& content, const std::string& when,
                         const std::string& by = "Test <t@example.org>") {
  st::IngestItem i;
  i.record.doc = doc;
  i.record.normalized_sha256 = st::sha256(content);
  i.record.ingested_at = when;
  i.record.ingested_by = by;
  i.record.stet_version = "test";
  i.content = content;
  return i;
}

// Every record of every document: (doc, sha256, ingested_at, ingested_by).
using RecordSet = std::set<std::tuple<std::string, std::string, std::string, std::string>>;

RecordSet records(const st::ContentStore& store) {
  RecordSet out;
  for (const st::DocumentSummary& d : store.documents()) {
    auto history = store.history(d.id).value();
    for (const st::Version& v : history) {
      out.emplace(d.id, v.sha256.hex(), v.ingest.ingested_at, v.ingest.ingested_by);
      for (const st::Record& r : v.sightings) {
        out.emplace(d.id, v.sha256.hex(), r.ingested_at, r.ingested_by);
      }
    }
  }
  return out;
}

// doc -> SHA-256s in version order.
std::map<std::string, std::vector<std::string>> versions(const st::ContentStore& store) {
  std::map<std::string, std::vector<std::string>> out;
  for (const st::DocumentSummary& d : store.documents()) {
    auto history = store.history(d.id).value();
    for (const st::Version& v : history) {
      out[d.id].push_back(v.sha256.hex());
    }
  }
  return out;
}

struct Fixture {
  TempDir dir;
  fs::path remote = dir / "remote.git";
  Fixture() { REQUIRE(run_program({"git", "init", "-q", "--bare", remote.string()}).code == 0); }
  // Stores created at different times have unrelated first commits.
  st::ContentStore store(const std::string& name, int minute) {
    auto s = st::ContentStore::create(dir / name, "2026-01-01T00:0" + std::to_string(minute) + ":00Z");
    st::add_remote(s, "origin", remote.string());
    return s;
  }
};

}  // namespace

TEST_CASE("store::pull") {
  Fixture f;
  auto a = f.store("a", 1);
  auto b = f.store("b", 2);
  auto c = f.store("c", 3);
  SUBCASE("three stores, same and different documents, union on every side") {
    (void)a.ingest({sync_item("shared", "first text\n", "2026-01-02T10:00:00Z", "Ann"),
                    sync_item("only-a", "a", "2026-01-02T10:00:00Z")});
    (void)b.ingest({sync_item("shared", "second text\n", "2026-01-02T09:00:00Z", "Bob"),
                    sync_item("only-b", "b", "2026-01-02T09:00:00Z")});
    // The same bytes of the same document, ingested apart: one version, two records.
    (void)c.ingest({sync_item("shared", "first text\n", "2026-01-02T11:00:00Z", "Cat")});
    CHECK(st::push(a, "origin").kind == st::PushKind::initialised);
    CHECK_THROWS_AS((void)st::push(b, "origin"), st::RemoteAheadError);
    auto pulled = st::pull(b, "origin", k_identity);
    CHECK(pulled.kind == st::PullKind::merged);
    CHECK(pulled.new_versions == 2);
    CHECK(pulled.documents == std::vector<std::string>{"only-a", "shared"});
    CHECK(st::push(b, "origin").kind == st::PushKind::pushed);
    CHECK(st::pull(c, "origin", k_identity).kind == st::PullKind::merged);
    CHECK(st::push(c, "origin").kind == st::PushKind::pushed);
    CHECK(st::pull(a, "origin", k_identity).kind == st::PullKind::fast_forward);
    CHECK(st::pull(b, "origin", k_identity).kind == st::PullKind::fast_forward);
    CHECK(st::pull(c, "origin", k_identity).kind == st::PullKind::up_to_date);
    CHECK(a.head() == b.head());
    CHECK(b.head() == c.head());
    CHECK(records(a) == records(b));
    CHECK(records(b) == records(c));
    CHECK(records(a).size() == 5);
    // Version order: first ingest time, so Bob's earlier text is v1.
    auto shared = a.history("shared").value();
    REQUIRE(shared.size() == 2);
    CHECK(shared[0].sha256 == st::sha256("second text\n"));
    CHECK(shared[1].ingest.ingested_by == "Ann");
    REQUIRE(shared[1].sightings.size() == 1);
    CHECK(shared[1].sightings[0].ingested_by == "Cat");
    for (const char* name : {"a", "b", "c"}) {
      CHECK(fsck_clean(f.dir / name));
    }
    CHECK(fsck_clean(f.remote));
  }
  SUBCASE("a merge commit has both parents; pulling twice changes nothing") {
    (void)a.ingest({sync_item("d", "x", "2026-01-02T10:00:00Z")});
    (void)b.ingest({sync_item("d", "y", "2026-01-02T10:00:00Z")});
    (void)st::push(a, "origin");
    std::string before = b.head();
    auto merged = st::pull(b, "origin", k_identity);
    auto parents = run_program({"git", "-C", (f.dir / "b").string(), "rev-list", "--parents", "-n", "1", "main"});
    // The remote's line first: the log follows first parents (docs/audit.md).
    CHECK(parents.out == merged.head + " " + a.head() + " " + before + "\n");
    CHECK(st::pull(b, "origin", k_identity).kind == st::PullKind::up_to_date);
    CHECK(b.head() == merged.head);
    // Equal ingest times: the SHA-256 decides the order.
    auto d = b.history("d").value();
    REQUIRE(d.size() == 2);
    CHECK(d[0].sha256 < d[1].sha256);
  }
  SUBCASE("a URL works without a configured remote") {
    (void)a.ingest({sync_item("d", "x", "2026-01-02T10:00:00Z")});
    (void)st::push(a, f.remote.string());
    auto pulled = st::pull(b, "file://" + f.remote.string(), k_identity);
    CHECK(pulled.kind == st::PullKind::merged);
    CHECK(versions(b) == versions(a));
  }
  SUBCASE("an empty remote has nothing to pull") {
    std::string before = a.head();
    CHECK(st::pull(a, "origin", k_identity).kind == st::PullKind::remote_empty);
    CHECK(a.head() == before);
  }
  SUBCASE("fetched branches live apart from the store's branch") {
    (void)a.ingest({sync_item("d", "x", "2026-01-02T10:00:00Z")});
    (void)st::push(a, "origin");
    (void)st::pull(b, "origin", k_identity);
    auto ref = run_program({"git", "-C", (f.dir / "b").string(), "rev-parse", "refs/remotes/origin/main"});
    CHECK(ref.out == a.head() + "\n");
  }
}

TEST_CASE("an exception in a libgit2 callback is rethrown after the call") {
  Fixture f;
  auto a = f.store("a", 1);
  (void)a.ingest({sync_item("doc", "text\n", "2026-01-02T10:00:00Z")});
  ::setenv("STET_TEST_FAULT_AT", "push-update-reference", 1);
  CHECK_THROWS_WITH_AS((void)st::push(a, "origin"), "injected fault at push-update-reference", st::Error);
  ::unsetenv("STET_TEST_FAULT_AT");
  // The session is gone with its exception; the next push works.
  CHECK(st::push(a, "origin").kind != st::PushKind::initialised);
  CHECK(fsck_clean(f.remote));
}

TEST_CASE("store::pull refuses what is not a union") {
  Fixture f;
  auto a = f.store("a", 1);
  auto b = f.store("b", 2);
  (void)a.ingest({sync_item("d", "x", "2026-01-02T10:00:00Z"), sync_item("e", "y", "2026-01-02T10:00:00Z")});
  (void)st::push(a, "origin");
  (void)b.ingest({sync_item("d", "z", "2026-01-02T11:00:00Z")});
  // Someone rewrites the shared store with plain git.
  fs::path work = f.dir / "work";
  REQUIRE(run_program({"git", "clone", "-q", "-b", "main", f.remote.string(), work.string()}).code == 0);
  auto git = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", work.string(), "-c", "user.name=x", "-c", "user.email=x@x"});
    return run_program(args).code;
  };
  SUBCASE("a removed version") { REQUIRE(git({"rm", "-r", "-q", "docs"}) == 0); }
  SUBCASE("a changed record") {
    REQUIRE(
        run_program({"sh", "-c", "f=$(find " + work.string() + "/docs -name '*.json' | head -1); echo '{}' > \"$f\""})
            .code == 0);
    REQUIRE(git({"add", "-A"}) == 0);
  }
  REQUIRE(git({"commit", "-q", "-m", "rewrite"}) == 0);
  REQUIRE(git({"push", "-q", "origin", "main"}) == 0);
  std::string before = b.head();
  auto before_records = records(b);
  CHECK_THROWS_AS((void)st::pull(b, "origin", k_identity), st::MergeRefusedError);
  CHECK(b.head() == before);
  CHECK(records(b) == before_records);
}

TEST_CASE("store::push") {
  Fixture f;
  auto a = f.store("a", 1);
  (void)a.ingest({sync_item("d", "x", "2026-01-02T10:00:00Z")});
  SUBCASE("initialises an empty remote, then is up to date") {
    CHECK(st::push(a, "origin").kind == st::PushKind::initialised);
    CHECK(st::push(a, "origin").kind == st::PushKind::up_to_date);
    auto head = run_program({"git", "-C", f.remote.string(), "rev-parse", "main"});
    CHECK(head.out == a.head() + "\n");
  }
  SUBCASE("never overwrites remote history") {
    auto b = f.store("b", 2);
    (void)b.ingest({sync_item("d", "y", "2026-01-02T10:00:00Z")});
    (void)st::push(b, "origin");
    std::string remote_head = b.head();
    CHECK_THROWS_AS((void)st::push(a, "origin"), st::RemoteAheadError);
    auto head = run_program({"git", "-C", f.remote.string(), "rev-parse", "main"});
    CHECK(head.out == remote_head + "\n");
  }
  SUBCASE("a foreign repository is not a stet store") {
    fs::path foreign = f.dir / "foreign.git";
    REQUIRE(run_program({"git", "init", "-q", "--bare", "--initial-branch=trunk", foreign.string()}).code == 0);
    REQUIRE(run_program({"git", "-C", (f.dir / "a").string(), "push", "-q", foreign.string(), "main:trunk"}).code == 0);
    CHECK_THROWS_AS((void)st::push(a, foreign.string()), st::NotAStoreError);
    CHECK_THROWS_AS((void)st::pull(a, foreign.string(), k_identity), st::NotAStoreError);
  }
  SUBCASE("an unreachable remote changes nothing locally") {
    std::filesystem::path store = f.dir / "a";
    (void)st::pull(a, "origin", k_identity);  // creates the sync lock file
    std::string before = stet::test::tree_fingerprint(store);
    CHECK_THROWS_AS((void)st::push(a, "git://127.0.0.1:1/none.git"), st::RemoteError);
    CHECK_THROWS_AS((void)st::pull(a, (f.dir / "missing.git").string() + "/", k_identity), st::RemoteError);
    CHECK(stet::test::tree_fingerprint(store) == before);
  }
}

TEST_CASE("store::clone and remotes") {
  Fixture f;
  auto a = f.store("a", 1);
  SUBCASE("an empty remote cannot be cloned and leaves nothing") {
    CHECK_THROWS_AS((void)st::clone(f.remote.string(), f.dir / "c"), st::NotAStoreError);
    CHECK_FALSE(fs::exists(f.dir / "c"));
  }
  SUBCASE("a clone has the same versions and origin") {
    (void)a.ingest({sync_item("d", "x", "2026-01-02T10:00:00Z"), sync_item("e/f", "y", "2026-01-02T10:00:00Z")});
    (void)st::push(a, "origin");
    auto c = st::clone(f.remote.string(), f.dir / "c");
    CHECK(c.head() == a.head());
    CHECK(records(c) == records(a));
    auto list = st::remotes(c);
    REQUIRE(list.size() == 1);
    CHECK(list[0].name == "origin");
    CHECK(list[0].url == f.remote.string());
    auto config = run_program({"git", "-C", (f.dir / "c").string(), "config", "remote.origin.url"});
    CHECK(config.out == f.remote.string() + "\n");
    CHECK_THROWS_AS((void)st::clone(f.remote.string(), f.dir / "c"), st::Error);
  }
  SUBCASE("add, list and remove") {
    st::add_remote(a, "backup", "https://example.org/store.git");
    CHECK_THROWS_AS(st::add_remote(a, "backup", "x"), st::InvalidInputError);
    CHECK_THROWS_AS(st::add_remote(a, "bad name", "x"), st::InvalidInputError);
    auto list = st::remotes(a);
    REQUIRE(list.size() == 2);
    CHECK(list[0].name == "backup");
    CHECK(list[1].name == "origin");
    st::remove_remote(a, "backup");
    CHECK(st::remotes(a).size() == 1);
    CHECK_THROWS_AS(st::remove_remote(a, "backup"), st::InvalidInputError);
    CHECK_THROWS_AS((void)st::pull(a, "backup", k_identity), st::InvalidInputError);
  }
}

TEST_SUITE_END();
