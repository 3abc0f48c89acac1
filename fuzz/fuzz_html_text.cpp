// Fuzz target: media sniffing, charset decoding and HTML text extraction
// (src/capture). Never crashes; the text form is valid UTF-8, extraction is
// deterministic, and every word offset lies inside the input.

#include "capture/capture.hpp"
#include "capture/charset.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (auto mode : {stet::capture::TextMode::visible, stet::capture::TextMode::main}) {
    try {
      auto a = stet::capture::derive_text(bytes, "text/html", mode);
      auto b = stet::capture::derive_text(bytes, "text/html", mode);
      if (a.text != b.text || !stet::capture::valid_utf8(a.text) || !stet::capture::valid_utf8(a.title)) {
        std::abort();
      }
      for (const auto& w : a.words) {
        if (w.page_offset > size || w.text_offset >= a.text.size()) {
          std::abort();
        }
      }
    } catch (const stet::capture::RefusedError&) {
    }
  }
  return 0;
}
