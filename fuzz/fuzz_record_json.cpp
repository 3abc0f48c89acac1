// Fuzz target: parsing a record file (store/record_codec). Any bytes must
// either parse or throw store::Error; a parsed record must survive a
// round trip through the canonical JSON form unchanged.

#include "format/record_codec.hpp"
#include "store/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stet::store::Record record;
  try {
    record = stet::store::codec::record_from_json(text);
  } catch (const stet::store::Error&) {
    return 0;
  }
  std::string canonical = stet::store::codec::record_to_json(record);
  stet::store::Record again = stet::store::codec::record_from_json(canonical);
  if (stet::store::codec::record_to_json(again) != canonical) {
    std::abort();
  }
  return 0;
}
