// Fuzz target: the WARC and WACZ readers (src/capture). Any input either
// parses or throws WarcError; parsed records' blocks lie within the input's
// decompressed size, and every response block either parses as HTTP or
// throws WarcError.

#include "capture/wacz.hpp"
#include "capture/warc_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    auto warc = stet::capture::read_warc(bytes, "fuzz.warc");
    for (const auto& r : warc.records) {
      if (r.version.rfind("WARC/", 0) != 0) {
        std::abort();
      }
      try {
        (void)stet::capture::parse_http_response(r.block, "r: ");
      } catch (const stet::capture::WarcError&) {
      }
    }
  } catch (const stet::capture::WarcError&) {
  }
  try {
    (void)stet::capture::read_wacz(bytes, "fuzz.wacz", [](std::string_view) { return std::string(64, '0'); });
  } catch (const stet::capture::WarcError&) {
  }
  return 0;
}
