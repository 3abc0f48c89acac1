#include "store/content_store.hpp"
#include "store/error.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("unit");

namespace st = stet::store;
using stet::test::TempDir;

namespace {

st::IngestItem item(const std::string& doc, const std::string& content, const std::string& when,
                    const std::string& source = "") {
  st::IngestItem i;
  i.record.doc = doc;
  i.record.normalized_sha256 = st::sha256(content);
  i.record.ingested_at = when;
  i.record.ingested_by = "Test <t@example.org>";
  i.record.source = source;
  i.record.stet_version = "test";
  i.content = content;
  return i;
}

}  // namespace

TEST_CASE("store::ContentStore::create") {
  TempDir dir;
  SUBCASE("creates a store that opens") {
    auto store = st::ContentStore::create(dir / "s", "2026-01-01T00:00:00.000000Z");
    CHECK(store.documents().empty());
    CHECK(store.head().size() == 40);
    CHECK_NOTHROW((void)st::ContentStore::open(dir / "s"));
  }
  SUBCASE("refuses an existing path") {
    dir.write("file", "x");
    CHECK_THROWS_AS((void)st::ContentStore::create(dir / "file", "2026-01-01T00:00:00Z"), st::Error);
  }
  SUBCASE("leaves no temporary folder behind") {
    (void)st::ContentStore::create(dir / "s", "2026-01-01T00:00:00.000000Z");
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) {
      ++entries;
    }
    CHECK(entries == 1);
  }
}

TEST_CASE("store::ContentStore::open") {
  TempDir dir;
  SUBCASE("missing path") { CHECK_THROWS_AS((void)st::ContentStore::open(dir / "nope"), st::NotAStoreError); }
  SUBCASE("a plain file") {
    dir.write("f", "hello");
    CHECK_THROWS_AS((void)st::ContentStore::open(dir / "f"), st::NotAStoreError);
  }
  SUBCASE("an empty folder") {
    std::filesystem::create_directories(dir / "empty");
    CHECK_THROWS_AS((void)st::ContentStore::open(dir / "empty"), st::NotAStoreError);
  }
  SUBCASE("an empty bare git repository") {
    auto r = stet::test::run_program({"git", "init", "-q", "--bare", (dir / "g").string()});
    REQUIRE(r.code == 0);
    CHECK_THROWS_AS((void)st::ContentStore::open(dir / "g"), st::NotAStoreError);
  }
  SUBCASE("a foreign git repository with commits") {
    auto r = stet::test::run_program({"git", "init", "-q", (dir / "w").string()});
    REQUIRE(r.code == 0);
    CHECK_THROWS_AS((void)st::ContentStore::open(dir / "w"), st::NotAStoreError);
  }
}

TEST_CASE("store::ContentStore::ingest") {
  TempDir dir;
  auto store = st::ContentStore::create(dir / "s", "2026-01-01T00:00:00.000000Z");
  SUBCASE("new, unchanged and a second version") {
    auto first = store.ingest({item("a", "one\n", "2026-01-01T00:00:01.000000Z")});
    REQUIRE(first.size() == 1);
    CHECK(first[0].status == st::IngestStatus::added);
    CHECK(first[0].version == 1);
    CHECK(first[0].sha256 == st::sha256("one\n"));
    CHECK_FALSE(first[0].previous.has_value());

    auto again = store.ingest({item("a", "one\n", "2026-01-01T00:00:02.000000Z", "https://example.org/a")});
    CHECK(again[0].status == st::IngestStatus::unchanged);
    CHECK(again[0].version == 1);

    auto second = store.ingest({item("a", "two\r\n", "2026-01-01T00:00:03.000000Z")});
    CHECK(second[0].status == st::IngestStatus::added);
    CHECK(second[0].version == 2);
    REQUIRE(second[0].previous.has_value());
    CHECK(*second[0].previous == st::sha256("one\n"));

    auto history = store.history("a");
    REQUIRE(history.has_value());
    REQUIRE(history->size() == 2);
    CHECK((*history)[0].sightings.size() == 1);
    CHECK((*history)[0].sightings[0].source == "https://example.org/a");
    CHECK((*history)[1].ingest.bytes == 5);
    CHECK(store.content("a", st::sha256("two\r\n")) == std::optional<std::string>("two\r\n"));
  }
  SUBCASE("equal bytes and texts in one batch share their blobs, in one pack or loose") {
    for (std::size_t count : {3U, 12U}) {  // below and above the loose-object limit
      CAPTURE(count);
      std::vector<st::IngestItem> items;
      for (std::size_t i = 0; i < count; ++i) {
        st::IngestItem it = item("eq" + std::to_string(count) + "/" + std::to_string(i),
                                 i % 2 == 0 ? "<p>same</p>" : "<p>other</p>", "2026-01-01T00:00:01.000000Z");
        it.text = i % 2 == 0 ? "same\n" : "other\n";
        items.push_back(it);
      }
      auto out = store.ingest(items);
      REQUIRE(out.size() == count);
      for (std::size_t i = 0; i < count; ++i) {
        CAPTURE(i);
        const std::string doc = items[i].record.doc;
        CHECK(out[i].status == st::IngestStatus::added);
        CHECK(store.content(doc, out[i].sha256) == std::optional<std::string>(items[i].content));
        auto history = store.history(doc);
        REQUIRE(history.has_value());
        REQUIRE(history->front().texts.size() == 1);
        CHECK(store.text_form(doc, out[i].sha256, history->front().texts[0].sha256) == items[i].text);
        auto first = store.history(items[i % 2].record.doc);
        CHECK(history->front().object_id == first->front().object_id);
        CHECK(history->front().texts[0].object_id == first->front().texts[0].object_id);
      }
    }
    auto fsck = stet::test::run_program({"git", "-C", (dir / "s").string(), "fsck", "--strict"});
    CHECK(fsck.code == 0);
  }
  SUBCASE("a batch is one commit and documents are listed sorted") {
    std::string before = store.head();
    auto out =
        store.ingest({item("z/b", "x", "2026-01-01T00:00:01.000000Z"), item("a", "y", "2026-01-01T00:00:01.000000Z"),
                      item("a", "y", "2026-01-01T00:00:01.000000Z")});
    CHECK(out[2].status == st::IngestStatus::unchanged);
    auto r = stet::test::run_program({"git", "-C", (dir / "s").string(), "rev-list", "--count", "HEAD"});
    CHECK(r.out == "2\n");
    auto docs = store.documents();
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].id == "a");
    CHECK(docs[1].id == "z/b");
    CHECK(docs[1].versions == 1);
    CHECK(store.head() != before);
  }
  SUBCASE("a sighting's previous is the newest other version") {
    (void)store.ingest({item("a", "one\n", "2026-01-01T00:00:01.000000Z")});
    (void)store.ingest({item("a", "two\n", "2026-01-01T00:00:02.000000Z")});
    auto seen = store.ingest({item("a", "two\n", "2026-01-01T00:00:03.000000Z", "https://example.org/m")});
    CHECK(seen[0].status == st::IngestStatus::unchanged);
    REQUIRE(seen[0].previous.has_value());
    CHECK(*seen[0].previous == st::sha256("one\n"));
    auto older = store.ingest({item("a", "one\n", "2026-01-01T00:00:04.000000Z", "https://example.org/o")});
    REQUIRE(older[0].previous.has_value());
    CHECK(*older[0].previous == st::sha256("two\n"));
  }
  SUBCASE("the clock stamps every record under the lock") {
    int calls = 0;
    auto clock = [&calls] {
      ++calls;
      return std::string("2026-02-02T00:00:0") + std::to_string(calls) + ".000000Z";
    };
    auto out = store.ingest({item("a", "x", ""), item("b", "y", "")}, clock);
    CHECK(calls == 1);
    auto history = store.history("b");
    REQUIRE(history.has_value());
    CHECK((*history)[0].ingest.ingested_at == "2026-02-02T00:00:01.000000Z");
  }
  SUBCASE("the same input twice in one batch is two observations, told apart by their input index") {
    auto out = store.ingest(
        {item("a", "same", "2026-01-01T00:00:01.000000Z"), item("a", "same", "2026-01-01T00:00:01.000000Z")});
    CHECK(out[0].status == st::IngestStatus::added);
    CHECK(out[1].status == st::IngestStatus::unchanged);
    auto history = store.history("a");
    REQUIRE(history.has_value());
    REQUIRE((*history)[0].sightings.size() == 1);
    CHECK((*history)[0].ingest.input_index == 0u);
    CHECK((*history)[0].sightings[0].input_index == 1u);
  }
  SUBCASE("an invalid id is refused and nothing is written") {
    std::string before = stet::test::tree_fingerprint(dir / "s");
    CHECK_THROWS_AS(
        (void)store.ingest({item("ok", "x", "2026-01-01T00:00:01Z"), item("Bad", "y", "2026-01-01T00:00:01Z")}),
        st::InvalidInputError);
    CHECK(stet::test::tree_fingerprint(dir / "s") == before);
  }
  SUBCASE("the store is readable and clean with plain git") {
    (void)store.ingest({item("a", "bytes\n", "2026-01-01T00:00:01.000000Z")});
    auto fsck = stet::test::run_program({"git", "-C", (dir / "s").string(), "fsck", "--strict"});
    CHECK(fsck.code == 0);
    auto show = stet::test::run_program(
        {"git", "-C", (dir / "s").string(), "log", "-1", "--format=%(trailers:key=Stet-Document,valueonly)"});
    CHECK(show.out.starts_with("a\n"));
  }
}

TEST_SUITE_END();
