#pragma once
// Bytes in a legacy or UTF-16/32 charset to UTF-8 through ICU's converters,
// and ICU's charset detector. The policy (byte-order marks, declared labels,
// WHATWG aliases) is the caller's: src/capture/charset.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stet::text {

struct Transcoded {
  std::string utf8;
  // For each byte of `utf8`, the offset in the input of the character it came from.
  std::vector<std::uint32_t> source_offsets;
  bool ok = false;  // false when ICU has no converter for the label (then both are empty)
};

// Whether ICU has a converter for charset `label`.
[[nodiscard]] bool charset_known(const std::string& label);

// `bytes` from offset `skip` on, read in charset `label`, as UTF-8 with the
// input offset (`skip` included) of each output byte. Malformed sequences
// and unpaired surrogates become U+FFFD. Never throws.
[[nodiscard]] Transcoded transcode_to_utf8(std::string_view bytes, const std::string& label, std::uint32_t skip);

// The charset ICU's detector judges `bytes` (its first MiB, markup ignored)
// to be in, as ICU names it, with its confidence 0-100; empty when it
// finds nothing.
struct Detected {
  std::string name;
  std::int32_t confidence = 0;
};
[[nodiscard]] Detected detect_charset(std::string_view bytes);

}  // namespace stet::text
