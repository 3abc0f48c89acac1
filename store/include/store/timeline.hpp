#pragma once
// The timeline of a document: every observation of its text (each version's
// first record and each later sighting) in the order it was seen at its
// source. Pure functions of the records, so synced stores agree.

#include "store/version.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace stet::store {

// A point in time, UTC, to the nanosecond.
struct TimeKey {
  std::int64_t seconds = 0;
  std::int64_t nanos = 0;
  auto operator<=>(const TimeKey&) const = default;
};

// The instant an RFC 3339 time names; nullopt when `text` is not one.
[[nodiscard]] std::optional<TimeKey> time_key(std::string_view text);

// When the record's text was seen: `retrieved_at` when it holds an RFC 3339
// time, else `ingested_at` (the epoch when neither parses).
[[nodiscard]] TimeKey observed_at(const Record& record);

// The timeline order: observed time, then `ingested_at`, then the input's
// position in its call, then the remaining fields (only records identical
// in time and position get there), never the version's hash first.
[[nodiscard]] bool observed_before(const Record& a, const Record& b);

// Sorts each version's records in timeline order (the first becomes
// `ingest`), orders the versions by their first observation and numbers
// them from 1.
void order_versions(std::vector<Version>& versions);

struct Observation {
  std::size_t version = 0;         // index into the versions (number - 1)
  const Record* record = nullptr;  // points into the versions
  bool first = false;              // the version's first observation
};

// Every observation of `versions`, in timeline order. REQUIRES: `versions`
// ordered by order_versions; the result points into `versions`.
[[nodiscard]] std::vector<Observation> timeline(const std::vector<Version>& versions);

// The index of the version whose text is the latest state (the version of
// the last observation). REQUIRES: `versions` non-empty and ordered.
[[nodiscard]] std::size_t latest_index(const std::vector<Version>& versions);

}  // namespace stet::store
