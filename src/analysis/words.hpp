#pragma once
// A small word-level view of a text for truncation analysis: the text
// layer's analysis words (white-space separated, with offsets), folded word
// forms, and the UTF-8 helpers the analysis uses, all from src/text.

#include "text/chars.hpp"
#include "text/utf8.hpp"
#include "text/words.hpp"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace stet::analysis {

using text::split_words;
using text::TextWord;

// The number of analysis words of `utf8` (see text::split_words).
[[nodiscard]] std::size_t word_count(std::string_view utf8);

// Whether `text` starts with one of `prefixes`.
[[nodiscard]] bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes);

// Whether `c` is an ASCII digit 0-9.
[[nodiscard]] constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `word` lowercased, with leading and trailing characters that are not
// letters, digits or marks removed ("«Of," -> "of"). Empty for pure
// punctuation.
[[nodiscard]] std::string fold_word(std::string_view word);

// The folded words of `text` (see fold_word) joined by single spaces,
// pure punctuation dropped: "Thank you," -> "thank you".
[[nodiscard]] std::string fold_phrase(std::string_view text);

// The words [begin, end) of `words` joined by single spaces.
[[nodiscard]] std::string join_words(const std::vector<TextWord>& words, std::size_t begin, std::size_t end);

// UTF-8 and character classes, from the text layer.
using text::count_code_points;

// The same as text::incomplete_tail.
[[nodiscard]] inline std::size_t incomplete_utf8_tail(std::string_view bytes) { return text::incomplete_tail(bytes); }

// The code point that ends at byte `end` of `utf8` and where it starts;
// -1 for an invalid byte (then `start` is end - 1). REQUIRES: end > 0.
[[nodiscard]] inline char32_t code_point_before(std::string_view utf8, std::size_t end, std::size_t& start) {
  return static_cast<char32_t>(text::decode_before(utf8, end, start));
}

// The code point starting at `pos`, advancing `pos`; U+FFFD for an invalid byte.
[[nodiscard]] inline char32_t code_point_at(std::string_view utf8, std::size_t& pos) {
  return text::decode_or_replacement(utf8, pos);
}

// White space or a BOM: what separates analysis words (text::is_separator).
[[nodiscard]] inline bool is_space_code_point(char32_t c) { return text::is_separator(c); }

// Whether `c` is a letter, digit or combining mark (text::is_word_char).
[[nodiscard]] inline bool is_word_code_point(char32_t c) { return text::is_word_char(c); }

}  // namespace stet::analysis
