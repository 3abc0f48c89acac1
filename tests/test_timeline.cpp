// The timeline of a document: observation order, version numbers, the
// latest state, and records of format 1 and 2.

#include "format/record_codec.hpp"
#include "store/error.hpp"
#include "store/timeline.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

TEST_SUITE_BEGIN("unit");

namespace st = stet::store;

namespace {

st::Record make_record(const std::string& text, const std::string& ingested, const std::string& retrieved = "",
                       std::optional<std::uint64_t> index = 0) {
  st::Record r;
  r.doc = "d";
  r.sha256 = st::sha256(text);
  r.normalized_sha256 = r.sha256;
  r.ingested_at = ingested;
  r.retrieved_at = retrieved;
  r.input_index = index;
  return r;
}

// Groups records into versions as the store reads them: one per distinct
// bytes, in the given (arbitrary) order, then orders them.
std::vector<st::Version> timeline_of(const std::vector<st::Record>& records) {
  std::map<st::Digest, st::Version> by_sha;
  for (const st::Record& r : records) {
    auto [it, added] = by_sha.try_emplace(r.sha256);
    if (added) {
      it->second.sha256 = r.sha256;
      it->second.ingest = r;
    } else {
      it->second.sightings.push_back(r);
    }
  }
  std::vector<st::Version> out;
  for (auto& [sha, v] : by_sha) {
    out.push_back(v);
  }
  st::order_versions(out);
  return out;
}

// The texts (as their first letter of the hash order they were made from)
// of every observation, in timeline order.
std::vector<std::pair<int, std::string>> observed(const std::vector<st::Version>& versions) {
  std::vector<std::pair<int, std::string>> out;
  for (const st::Observation& o : st::timeline(versions)) {
    out.emplace_back(versions[o.version].number, o.record->ingested_at + "|" + std::to_string(*o.record->input_index));
  }
  return out;
}

}  // namespace

TEST_CASE("store::order_versions") {
  const std::string t = "2026-01-01T00:00:01.000000Z";
  SUBCASE("one call: input order, never the hash") {
    // Hash order of these texts is not their input order.
    std::vector<std::string> texts = {"003 text", "004 text", "005 text"};
    std::vector<st::Record> records;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      records.push_back(make_record(texts[i], t, "", i));
    }
    std::reverse(records.begin(), records.end());
    auto versions = timeline_of(records);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      CAPTURE(i);
      CHECK(versions[i].sha256 == st::sha256(texts[i]));
      CHECK(versions[i].number == static_cast<int>(i + 1));
    }
    CHECK(st::latest_index(versions) == 2);
  }
  SUBCASE("retrieved_at when known, else ingested_at") {
    auto versions = timeline_of({make_record("new capture", "2026-01-01T00:00:01Z"),
                                 make_record("old capture", "2026-02-01T00:00:01Z", "2014-03-18T09:30:00Z")});
    CHECK(versions[0].sha256 == st::sha256("old capture"));
    CHECK(st::latest_index(versions) == 1);
  }
  SUBCASE("offsets are compared as instants") {
    auto versions =
        timeline_of({make_record("a", t, "2014-03-18T10:30:00+02:00"), make_record("b", t, "2014-03-18T09:00:00Z", 1)});
    CHECK(versions[0].sha256 == st::sha256("a"));  // 08:30Z before 09:00Z
  }
  SUBCASE("a flip-flop: A, B, A again; the latest is A, numbers stay per text") {
    auto versions = timeline_of({make_record("A", "2026-01-01T00:00:03Z"), make_record("B", "2026-01-01T00:00:02Z"),
                                 make_record("A", "2026-01-01T00:00:01Z")});
    REQUIRE(versions.size() == 2);
    CHECK(versions[0].sha256 == st::sha256("A"));
    CHECK(versions[0].ingest.ingested_at == "2026-01-01T00:00:01Z");
    CHECK(versions[0].sightings.size() == 1);
    CHECK(st::latest_index(versions) == 0);
    auto line = st::timeline(versions);
    REQUIRE(line.size() == 3);
    CHECK(line[0].version == 0);
    CHECK(line[1].version == 1);
    CHECK(line[2].version == 0);
    CHECK_FALSE(line[2].first);
  }
  SUBCASE("format-1 records (no input index) order by time") {
    auto versions = timeline_of({make_record("x", "2026-01-01T00:00:02Z", "", std::nullopt),
                                 make_record("y", "2026-01-01T00:00:01Z", "", std::nullopt)});
    CHECK(versions[0].sha256 == st::sha256("y"));
  }
}

TEST_CASE("store::timeline is a pure function of the records (property)") {
  std::mt19937 random(20261202);
  for (int round = 0; round < 200; ++round) {
    CAPTURE(round);
    std::vector<st::Record> records;
    int calls = 1 + static_cast<int>(random() % 5);
    for (int call = 0; call < calls; ++call) {
      std::string at = "2026-01-01T00:00:0" + std::to_string(call) + ".000000Z";
      int inputs = 1 + static_cast<int>(random() % 4);
      for (int i = 0; i < inputs; ++i) {
        std::string text = std::string(1, static_cast<char>('a' + random() % 4));
        std::string retrieved =
            random() % 3 == 0 ? "2014-0" + std::to_string(1 + random() % 9) + "-01" + "T00:00:00Z" : "";
        records.push_back(make_record(text, at, retrieved, static_cast<std::uint64_t>(i)));
      }
    }
    auto expected = observed(timeline_of(records));
    for (int shuffle = 0; shuffle < 5; ++shuffle) {
      std::shuffle(records.begin(), records.end(), random);
      CHECK(observed(timeline_of(records)) == expected);
    }
    // Numbers follow first observations.
    auto versions = timeline_of(records);
    for (std::size_t i = 1; i < versions.size(); ++i) {
      CHECK(st::observed_before(versions[i - 1].ingest, versions[i].ingest));
    }
  }
}

TEST_CASE("store::codec::record_from_json reads formats 1 and 2") {
  st::Record r = make_record("text", "2026-01-01T00:00:01.000000Z", "", 3);
  std::string two = st::codec::record_to_json(r);
  CHECK(two.find("\"record_format\": 2") != std::string::npos);
  CHECK(two.find("\"input_index\": 3") != std::string::npos);
  CHECK(st::codec::record_from_json(two) == r);
  r.input_index.reset();
  std::string one = st::codec::record_to_json(r);
  CHECK(one.find("\"record_format\": 1") != std::string::npos);
  CHECK(one.find("input_index") == std::string::npos);
  CHECK(st::codec::record_from_json(one) == r);
  std::string bad = one;
  bad.replace(bad.find("\"record_format\": 1"), 18, "\"record_format\": 1, \"input_index\": 0");
  CHECK_THROWS_AS((void)st::codec::record_from_json(bad), st::Error);
  std::string missing = two;
  missing.replace(missing.find("\"input_index\": 3,"), 17, "");
  CHECK_THROWS_AS((void)st::codec::record_from_json(missing), st::Error);
}

TEST_CASE("store::time_key") {
  CHECK(st::time_key("2019-01-01T00:00:00Z")->seconds == 1546300800);
  CHECK(st::time_key("2019-01-01T00:00:00.5Z")->nanos == 500000000);
  CHECK(st::time_key("2019-01-01T01:00:00+01:00") == st::time_key("2019-01-01T00:00:00Z"));
  CHECK_FALSE(st::time_key("2019-01-01").has_value());
}

TEST_SUITE_END();
