#pragma once
// Turning a captured file's bytes into UTF-8: byte-order marks, a declared
// charset (HTTP header or the page's <meta>), else ICU's charset detector.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stet::capture {

struct Decoded {
  std::string utf8;
  std::string charset;  // lowercase name of the charset read, e.g. "utf-8", "windows-1252", "utf-16le"
  // For each byte of `utf8`, the offset in the input of the character it
  // came from; empty when `utf8` is the input from `shift` on, unchanged.
  std::vector<std::uint32_t> source_offsets;
  std::uint32_t shift = 0;

  // The input offset of byte `at` of `utf8`.
  [[nodiscard]] std::uint32_t source_offset(std::size_t at) const;
};

// Decodes `bytes`. The charset is, in order: a byte-order mark; `declared`
// (an HTTP charset parameter, may be empty); for `html`, a <meta charset> or
// http-equiv in the first 4 KiB; UTF-8 when the bytes are valid UTF-8; else
// what ICU's detector finds (windows-1252 when it finds nothing). Labels
// follow the WHATWG encoding standard (iso-8859-1 and us-ascii read as
// windows-1252). Malformed sequences become U+FFFD. Never throws.
[[nodiscard]] Decoded decode_to_utf8(std::string_view bytes, std::string_view declared, bool html);

// The charset a <meta> element of `html` declares (lowercase), empty when none.
[[nodiscard]] std::string meta_charset(std::string_view html);

// True when `bytes` is valid UTF-8.
[[nodiscard]] bool valid_utf8(std::string_view bytes);

}  // namespace stet::capture
