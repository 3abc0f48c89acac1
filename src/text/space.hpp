#pragma once
// The one notion of white space: Unicode's White_Space property (the same
// answers as ICU's u_isUWhiteSpace), ASCII answered without a table lookup.

#include <string_view>

namespace stet::text {

// Whether `c` is Unicode White_Space: tab, line feed, vertical tab, form
// feed, carriage return, space, NEL, no-break space, ogham space mark, the
// spaces U+2000..U+200A, line and paragraph separators, narrow no-break
// space, medium mathematical space and the ideographic space.
[[nodiscard]] constexpr bool is_space(char32_t c);

// is_space for one byte of ASCII (false for any byte >= 0x80).
[[nodiscard]] constexpr bool is_ascii_space(char c);

// Whether `text` holds only white space (true when empty). ill-formed bytes
// are not white space.
[[nodiscard]] bool all_space(std::string_view text);

// `text` without leading and trailing white space.
[[nodiscard]] std::string_view trim_space(std::string_view text);

// --- Inline implementations ---

constexpr bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

constexpr bool is_space(char32_t c) {
  if (c < 0x80) {
    return c == U' ' || (c >= U'\t' && c <= U'\r');
  }
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

}  // namespace stet::text
