#pragma once
// Private to stet_diff: decoding one UTF-8 code point (ICU's U8_NEXT macro
// trips our strict conversion warnings).

#include <cstddef>
#include <string_view>

namespace stet::diff {

// The code point at `i`, advancing `i` past it; -1 (and one byte) for an
// invalid sequence. REQUIRES: i < text.size().
int next_code_point(std::string_view text, std::size_t& i);

// --- Inline implementations ---

inline int next_code_point(std::string_view text, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 && lead < 0xF5 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead >= 0xF5 || i + length > text.size()) {
    ++i;
    return length == 1 ? lead : -1;
  }
  int c = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return c;
}

}  // namespace stet::diff
