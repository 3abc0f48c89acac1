// Fuzz target: RFC 3339 timestamps. Parsing never crashes, and a parsed
// instant formatted as UTC parses back to the same second.

#include "store/timestamp.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = stet::store::parse_rfc3339(text);
  if (!parsed) {
    return 0;
  }
  // system_clock counts nanoseconds in 64 bits: about years 1678-2261.
  constexpr std::int64_t k_max_seconds = 9'000'000'000;
  if (parsed->seconds < -k_max_seconds || parsed->seconds > k_max_seconds) {
    return 0;
  }
  std::chrono::system_clock::time_point time{std::chrono::seconds(parsed->seconds)};
  auto again = stet::store::parse_rfc3339(stet::store::format_utc(time));
  if (!again || again->seconds != parsed->seconds || again->offset_minutes != 0) {
    std::abort();
  }
  return 0;
}
