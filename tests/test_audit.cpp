#include "store/audit.hpp"
#include "store/content_store.hpp"
#include "store/error.hpp"
#include "support/run.hpp"
#include "support/tamper.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("unit");

namespace st = stet::store;
namespace fs = std::filesystem;
using stet::test::TempDir;

namespace {

st::IngestItem audit_item(const std::string& doc, const std::string& content, const std::string& when) {
  st::IngestItem i;
  i.record.doc = doc;
  i.record.normalized_sha256 = st::sha256(content);
  i.record.ingested_at = when;
  i.record.ingested_by = "Test <t@example.org>";
  i.record.stet_version = "test";
  i.content = content;
  return i;
}

}  // namespace

TEST_CASE("store::audit_store") {
  TempDir dir;
  fs::path path = dir / "s";
  {
    auto store = st::ContentStore::create(path, "2026-01-01T00:00:00.000000Z");
    (void)store.ingest({audit_item("a", "one\n", "2026-01-01T00:00:01.000000Z"),
                        audit_item("b/c", "x\n", "2026-01-01T00:00:01.000000Z")});
    (void)store.ingest({audit_item("a", "two\n", "2026-01-01T00:00:02.000000Z")});
    (void)store.ingest({audit_item("a", "one\n", "2026-01-01T00:00:03.000000Z")});
  }
  SUBCASE("a clean store has no findings and counts what it read") {
    auto report = st::audit_store(path);
    CHECK(report.findings.empty());
    CHECK(report.counts.commits == 4);
    CHECK(report.counts.documents == 2);
    CHECK(report.counts.versions == 3);
    CHECK(report.counts.records == 4);
    CHECK(report.head == st::branch_head(path));
    CHECK_FALSE(report.not_proven.empty());
  }
  SUBCASE("progress is reported") {
    std::size_t calls = 0;
    st::AuditOptions options;
    options.progress = [&](const st::AuditProgress&) { ++calls; };
    (void)st::audit_store(path, options);
    CHECK(calls > 0);
  }
  SUBCASE("a removed version is named with its number") {
    std::string content = stet::test::path_of(path, "a", "content");
    std::string version_dir = content.substr(0, content.rfind('/'));
    std::string sha = version_dir.substr(version_dir.rfind('/') + 1);
    stet::test::commit_change(path, version_dir, "", true);
    auto report = st::audit_store(path);
    // The removal itself, and the later version whose `previous` named it.
    REQUIRE(report.findings.size() == 2);
    CHECK(report.findings[1].kind == st::FindingKind::chain_broken);
    const st::Finding& f = report.findings[0];
    CHECK(f.kind == st::FindingKind::history_removed);
    REQUIRE(f.affected.size() == 1);
    CHECK(f.affected[0].doc == "a");
    CHECK(f.affected[0].sha256 == sha);
    CHECK(f.affected[0].number >= 1);
    CHECK(f.commit == st::branch_head(path));
  }
  SUBCASE("a merge that drops a version of its second parent") {
    std::string before = st::branch_head(path);
    std::string content = stet::test::path_of(path, "b/c", "content");
    stet::test::commit_change(path, content.substr(0, content.rfind('/')), "", true);
    std::string tree = stet::test::git(path, {"rev-parse", "HEAD^{tree}"});
    tree.pop_back();
    auto r = stet::test::run_program(
        {"git", "-C", path.string(), "commit-tree", tree, "-p", "HEAD~1", "-p", "HEAD", "-m", "merge"}, "", {},
        {{"GIT_AUTHOR_NAME", "x"},
         {"GIT_AUTHOR_EMAIL", "x@x"},
         {"GIT_COMMITTER_NAME", "x"},
         {"GIT_COMMITTER_EMAIL", "x@x"}});
    REQUIRE(r.code == 0);
    (void)before;
    auto report = st::audit_store(path);
    CHECK_FALSE(report.findings.empty());
    for (const st::Finding& f : report.findings) {
      CHECK(f.kind == st::FindingKind::history_removed);
    }
  }
  SUBCASE("not a store") {
    CHECK_THROWS_AS((void)st::audit_store(dir / "nope"), st::NotAStoreError);
    auto r = stet::test::run_program({"git", "init", "-q", "--bare", (dir / "g").string()});
    REQUIRE(r.code == 0);
    CHECK_THROWS_AS((void)st::audit_store(dir / "g"), st::NotAStoreError);
  }
  SUBCASE("record leaves and ancestry") {
    auto leaves = st::record_leaves(path);
    REQUIRE(leaves.has_value());
    CHECK(leaves->size() == 4);
    CHECK(std::is_sorted(leaves->begin(), leaves->end(),
                         [](const auto& x, const auto& y) { return x.ingested_at < y.ingested_at; }));
    std::string first = stet::test::git(path, {"rev-list", "--max-parents=0", "HEAD"});
    first.pop_back();
    CHECK(st::is_ancestor(path, first, st::branch_head(path)));
    CHECK_FALSE(st::is_ancestor(path, st::branch_head(path), first));
    CHECK_FALSE(st::record_leaves(path, std::string(40, 'a')).has_value());
  }
}

TEST_CASE("cli verify --file") {
  TempDir dir;
  std::string store = (dir / "s").string();
  fs::path nato = stet::test::fixtures_dir() / "docs/nato-2014-03-17-republished.txt";
  REQUIRE(stet::test::run_stet(
              {"--store", store, "ingest", nato.string(), "--doc", "nato", "--source", "https://example.org/n"})
              .code == 0);
  SUBCASE("an exact copy names document, version, source and time") {
    auto r = stet::test::run_stet({"--store", store, "verify", "--file", nato.string()});
    CHECK(r.code == 0);
    CHECK(r.out.find("is exactly nato@1") != std::string::npos);
    CHECK(r.out.find("https://example.org/n") != std::string::npos);
    // The fixed test clock: the store was created at :01 and the ingest stamped at :02.
    CHECK(r.out.find("ingested   2026-01-01T00:00:02") != std::string::npos);
  }
  SUBCASE("a truncated copy names the nearest version and what is missing") {
    std::string text = stet::test::read_file(nato);
    std::string cut = text.substr(0, text.rfind(' ', text.size() - 200));
    auto file = dir.write("cut.txt", cut);
    auto r = stet::test::run_stet({"--store", store, "verify", "--file", file.string()});
    CHECK(r.code == 1);
    CAPTURE(r.out);
    CHECK(r.out.find("nearest: truncated-copy of nato@1: 100.0% of its ") != std::string::npos);
    CHECK(r.out.find(" short after ") != std::string::npos);
  }
  SUBCASE("an unrelated text has no nearest version") {
    auto file = dir.write("other.txt", "Seven words about cooking pasta at home.\n");
    auto r = stet::test::run_stet({"--store", store, "verify", "--file", file.string(), "--format", "json"});
    CHECK(r.code == 1);
    CAPTURE(r.out);
    CHECK(r.out.find("\"match\": \"none\"") != std::string::npos);
  }
  SUBCASE("a missing file is an error") {
    auto r = stet::test::run_stet({"--store", store, "verify", "--file", (dir / "nope").string()});
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("stet: error: "));
  }
}

TEST_SUITE_END();
