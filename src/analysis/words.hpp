#pragma once
// A small word-level view of a text for truncation analysis: whitespace
// separated tokens with their offsets, folded word forms, and UTF-8 helpers.
// (Kept local to analysis; the diff tokenizer serves a different purpose.)

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace stet::analysis {

// One token between runs of Unicode white space, and its byte offset.
struct TextWord {
  std::string_view text;
  std::size_t offset = 0;
};

// The whitespace-separated tokens of `utf8` in order. A trailing cut marker
// glued to a word ("of…", "of...") becomes a token of its own, so that
// "integrity of…" and "integrity of Ukraine" share the word "of". Invalid
// UTF-8 bytes count as non-space.
[[nodiscard]] std::vector<TextWord> split_words(std::string_view utf8);

// The number of whitespace-separated tokens of `utf8` (see split_words).
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

// How many bytes at the end of `bytes` form an incomplete UTF-8 sequence
// (a lead byte whose continuation bytes are missing): 0 when the text ends
// on a whole character.
[[nodiscard]] std::size_t incomplete_utf8_tail(std::string_view bytes);

// The number of code points in `utf8` (each invalid byte counts as one).
[[nodiscard]] std::size_t count_code_points(std::string_view utf8);

// The code point that ends at byte `end` of `utf8` and where it starts;
// -1 for an invalid byte (then `start` is end - 1). REQUIRES: end > 0.
[[nodiscard]] char32_t code_point_before(std::string_view utf8, std::size_t end, std::size_t& start);

// The code point starting at `pos`, advancing `pos`; U+FFFD for an invalid byte.
[[nodiscard]] char32_t code_point_at(std::string_view utf8, std::size_t& pos);

// The same with ICU's strict rules reported: -1 for an invalid sequence
// (overlong forms, surrogates, truncated sequences), advancing past it.
[[nodiscard]] std::int32_t decode_code_point(std::string_view utf8, std::size_t& pos);

// Whether `c` is white space (Unicode White_Space, including NBSP).
[[nodiscard]] bool is_space_code_point(char32_t c);

// Whether `c` is a letter, digit or combining mark.
[[nodiscard]] bool is_word_code_point(char32_t c);

}  // namespace stet::analysis
