#pragma once
// RFC 3339 timestamps, the only time format a store records.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stet::store {

struct Timestamp {
  std::int64_t seconds = 0;  // since the Unix epoch, UTC
  int offset_minutes = 0;    // the offset the text was written with
};

// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)` (also 't', 'z' and a space
// for 'T'). Returns nullopt for anything else, including impossible dates.
[[nodiscard]] std::optional<Timestamp> parse_rfc3339(std::string_view text);

// `time` as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (fixed width, so these strings
// sort in time order).
[[nodiscard]] std::string format_utc(std::chrono::system_clock::time_point time);

}  // namespace stet::store
