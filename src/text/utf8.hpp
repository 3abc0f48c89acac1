#pragma once
// UTF-8 for all of stet: the one decoder (strict, as Unicode and ICU define
// well-formed UTF-8) and the one encoder. Everything else that walks text by
// code point goes through here.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stet::text {

// The code point at `pos`, advancing `pos` past it. For an ill-formed
// sequence (overlong form, surrogate, above U+10FFFF, a missing or stray
// continuation byte) returns -1 and advances past its maximal subpart (the
// lead byte and the continuation bytes that were still possible), which is
// what ICU's U8_NEXT does. REQUIRES: pos < utf8.size().
[[nodiscard]] std::int32_t decode(std::string_view utf8, std::size_t& pos);

// As decode(), with U+FFFD for an ill-formed sequence.
[[nodiscard]] char32_t decode_or_replacement(std::string_view utf8, std::size_t& pos);

// The code point that ends at byte `end` and, in `start`, where it begins
// (looking back at most four bytes); -1 for an ill-formed byte, then `start`
// is end - 1. REQUIRES: 0 < end <= utf8.size().
[[nodiscard]] std::int32_t decode_before(std::string_view utf8, std::size_t end, std::size_t& start);

// Appends the UTF-8 form of `c` to `out` (1 to 4 bytes); returns how many.
// REQUIRES: c <= U+10FFFF and not a surrogate.
std::size_t encode(char32_t c, std::string& out);

// The UTF-8 form of `c` (see encode).
[[nodiscard]] std::string encoded(char32_t c);

// Whether `bytes` is well-formed UTF-8 throughout (fast on ASCII).
[[nodiscard]] bool valid_utf8(std::string_view bytes);

// The byte offset of the first ill-formed sequence, or npos when none.
[[nodiscard]] std::size_t first_invalid(std::string_view bytes);

// How many bytes at the end of `bytes` form an incomplete sequence (a lead
// byte whose continuation bytes are missing): 0 when it ends on a whole character.
[[nodiscard]] std::size_t incomplete_tail(std::string_view bytes);

// The number of code points of `utf8`, each ill-formed subpart counting one.
[[nodiscard]] std::size_t count_code_points(std::string_view utf8);

// --- Inline implementations ---

inline std::int32_t decode(std::string_view utf8, std::size_t& pos) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(utf8[k]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                       : lead >= 0xE0 && lead <= 0xEF ? 3
                       : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                      : 0;
  if (length == 0) {
    ++pos;
    return -1;
  }
  // The range the second byte must fall in excludes overlongs, surrogates
  // and code points above U+10FFFF.
  unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  std::int32_t c = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    std::size_t at = pos + k;
    unsigned char b = at < utf8.size() ? byte(at) : 0;
    if (k == 1 ? (b < low || b > high) : (b & 0xC0U) != 0x80U) {
      pos = at;
      return -1;
    }
    c = (c << 6) | (b & 0x3F);
  }
  pos += length;
  return c;
}

inline char32_t decode_or_replacement(std::string_view utf8, std::size_t& pos) {
  std::int32_t c = decode(utf8, pos);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

}  // namespace stet::text
