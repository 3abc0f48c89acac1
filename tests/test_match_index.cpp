// src/index: the SQLite fingerprint index (runs of versions, persistence,
// refusing damaged or foreign files).

#include "index/match_index.hpp"
#include "match/candidates.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>

TEST_SUITE_BEGIN("unit");

namespace ix = stet::index;

TEST_CASE("index::MatchIndex") {
  stet::test::TempDir dir;
  auto path = dir / "i.sqlite";
  SUBCASE("a run stays open while later versions keep the fingerprint, and closes when one drops it") {
    {
      auto index = ix::MatchIndex::open(path);
      index.begin_write();
      index.add_version("d", {1, "aa", "na"}, {10, 20}, {});
      index.add_version("d", {2, "bb", "nb"}, {20, 30}, {10, 20});
      index.add_version("e", {1, "cc", "nc"}, {20}, {});
      index.set_head("h1");
      index.commit();
    }
    auto index = ix::MatchIndex::open(path);
    CHECK(index.head() == "h1");
    auto p20 = index.postings(20);
    REQUIRE(p20.size() == 2);
    CHECK(p20[0].first == 1);
    CHECK(p20[0].last == stet::match::k_open_run);
    REQUIRE(index.postings(10).size() == 1);
    CHECK(index.postings(10)[0].last == 1);
    CHECK(index.postings(30)[0].first == 2);
    CHECK(index.postings(99).empty());
    CHECK(index.doc_name(p20[1].doc) == "e");
    CHECK_FALSE(index.doc_name(77).has_value());
    auto found = index.find_digest("bb", false);
    REQUIRE(found.size() == 1);
    CHECK(found[0].doc == "d");
    CHECK(found[0].number == 2);
    CHECK(index.find_digest("nc", true).size() == 1);
    CHECK(index.versions().at("d").size() == 2);
  }
  SUBCASE("a write that is not committed leaves nothing") {
    auto index = ix::MatchIndex::open(path);
    index.begin_write();
    index.add_version("d", {1, "aa", "na"}, {10}, {});
    index.rollback();
    CHECK(index.postings(10).empty());
    CHECK(index.versions().empty());
  }
  SUBCASE("clear") {
    auto index = ix::MatchIndex::open(":memory:");
    index.begin_write();
    index.add_version("d", {1, "aa", "na"}, {10}, {});
    index.set_head("h");
    index.clear();
    index.commit();
    CHECK(index.head().empty());
    CHECK(index.postings(10).empty());
  }
  SUBCASE("a file that is not an index is refused") {
    std::ofstream(path, std::ios::binary) << std::string(5000, 'x');
    CHECK_THROWS_AS((void)ix::MatchIndex::open(path), ix::IndexError);
  }
}

TEST_SUITE_END();
