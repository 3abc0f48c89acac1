#pragma once
// Character properties and case, from ICU's Unicode data: word characters
// (letters, digits, combining marks), lower case, case folding.

#include <string>
#include <string_view>

namespace stet::text {

// Whether `c` is a letter, a digit or a combining mark (what a word of the
// analysis is made of: "«Of," has the word characters "Of"). ASCII letters
// and digits answered without ICU.
[[nodiscard]] bool is_word_char(char32_t c);

// Whether `c` is a lower-case letter.
[[nodiscard]] bool is_lower(char32_t c);

// The simple lower-case mapping of `c`.
[[nodiscard]] char32_t to_lower(char32_t c);

// `utf8` lowercased code point by code point (simple mappings; ASCII
// without ICU). ill-formed bytes become U+FFFD.
[[nodiscard]] std::string lowercase(std::string_view utf8);

// Unicode full case folding of `utf8` ("Straße" -> "strasse"), for keys that
// ignore case. ill-formed bytes become U+FFFD.
[[nodiscard]] std::string fold_case(std::string_view utf8);

}  // namespace stet::text
