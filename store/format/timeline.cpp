#include "store/timeline.hpp"

#include "store/timestamp.hpp"

#include <algorithm>
#include <tuple>

namespace stet::store {

std::optional<TimeKey> time_key(std::string_view text) {
  auto parsed = parse_rfc3339(text);
  if (!parsed) {
    return std::nullopt;
  }
  TimeKey key{parsed->seconds, 0};
  // parse_rfc3339 checked the shape: a fraction, when present, starts at 20.
  if (text.size() > 20 && text[19] == '.') {
    std::int64_t scale = 100000000;
    for (std::size_t i = 20; i < text.size() && text[i] >= '0' && text[i] <= '9' && scale > 0; ++i) {
      key.nanos += (text[i] - '0') * scale;
      scale /= 10;
    }
  }
  return key;
}

TimeKey observed_at(const Record& record) {
  if (!record.retrieved_at.empty()) {
    if (auto key = time_key(record.retrieved_at)) {
      return *key;
    }
  }
  return time_key(record.ingested_at).value_or(TimeKey{});
}

bool observed_before(const Record& a, const Record& b) {
  TimeKey ta = observed_at(a);
  TimeKey tb = observed_at(b);
  if (ta != tb) {
    return ta < tb;
  }
  TimeKey ia = time_key(a.ingested_at).value_or(TimeKey{});
  TimeKey ib = time_key(b.ingested_at).value_or(TimeKey{});
  if (ia != ib) {
    return ia < ib;
  }
  std::uint64_t xa = a.input_index.value_or(0);
  std::uint64_t xb = b.input_index.value_or(0);
  if (xa != xb) {
    return xa < xb;
  }
  return std::tie(a.ingested_at, a.retrieved_at, a.source, a.ingested_by, a.title, a.sha256, a.stet_version) <
         std::tie(b.ingested_at, b.retrieved_at, b.source, b.ingested_by, b.title, b.sha256, b.stet_version);
}

void order_versions(std::vector<Version>& versions) {
  for (Version& version : versions) {
    std::vector<Record> records;
    records.reserve(version.sightings.size() + 1);
    records.push_back(std::move(version.ingest));
    std::move(version.sightings.begin(), version.sightings.end(), std::back_inserter(records));
    std::sort(records.begin(), records.end(), observed_before);
    version.ingest = std::move(records.front());
    version.sightings.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
  }
  std::sort(versions.begin(), versions.end(), [](const Version& a, const Version& b) {
    if (observed_before(a.ingest, b.ingest)) {
      return true;
    }
    return !observed_before(b.ingest, a.ingest) && a.sha256 < b.sha256;
  });
  for (std::size_t i = 0; i < versions.size(); ++i) {
    versions[i].number = static_cast<int>(i + 1);
  }
}

std::vector<Observation> timeline(const std::vector<Version>& versions) {
  std::vector<Observation> out;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    out.push_back({i, &versions[i].ingest, true});
    for (const Record& sighting : versions[i].sightings) {
      out.push_back({i, &sighting, false});
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](const Observation& a, const Observation& b) {
    if (observed_before(*a.record, *b.record)) {
      return true;
    }
    return !observed_before(*b.record, *a.record) && a.version < b.version;
  });
  return out;
}

std::size_t latest_index(const std::vector<Version>& versions) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < versions.size(); ++i) {
    const Record& last = versions[i].sightings.empty() ? versions[i].ingest : versions[i].sightings.back();
    const Version& b = versions[best];
    const Record& best_last = b.sightings.empty() ? b.ingest : b.sightings.back();
    if (!observed_before(last, best_last)) {
      best = i;
    }
  }
  return best;
}

}  // namespace stet::store
