#pragma once
// Analysis words: the white-space separated tokens the truncation analysis
// reads, with their byte offsets. They differ from the diff's tokens on
// purpose: "of," and "U.S.," stay whole, as a reader sees them (docs/text.md).

#include <cstddef>
#include <string_view>
#include <vector>

namespace stet::text {

// One token between separators, and its byte offset.
struct TextWord {
  std::string_view text;
  std::size_t offset = 0;
};

// Whether `c` separates analysis words: white space (is_space) or the
// byte-order mark U+FEFF, which pasted texts carry in odd places.
[[nodiscard]] bool is_separator(char32_t c);

// The tokens of `utf8` between separators, in order. A trailing cut marker
// glued to a word ("of…", "of...") becomes a token of its own, so that
// "integrity of…" and "integrity of Ukraine" share the word "of".
// ill-formed bytes count as non-separators.
[[nodiscard]] std::vector<TextWord> split_words(std::string_view utf8);

// The words of split_words() one at a time, for callers that usually stop
// early (a shared prefix ends at the first difference) and need not split
// a whole text: split_words() is this reader run to the end.
class WordReader {
 public:
  explicit WordReader(std::string_view utf8) : m_text(utf8) {}

  // The next word, or false at the end of the text.
  [[nodiscard]] bool next(TextWord& word);

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
  std::size_t m_pending = 0;  // 1: the cut marker split off the last token is still to come
  TextWord m_marker;
};

}  // namespace stet::text
