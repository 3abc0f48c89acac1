#pragma once
// What a shorter version of a document lacks at its end: content (prose the
// other version had) or only non-content (page chrome such as "Like this:
// Like Loading..." or "Powered by WordPress.com", residue, non-words).

#include <cstddef>
#include <string>
#include <string_view>

namespace stet::analysis {

struct TailReading {
  bool content = true;         // the missing text holds prose
  std::size_t real_words = 0;  // words left once chrome phrases and non-words are set aside
  std::string excerpt;         // the missing words, shortened for a message
};

// Reads `tail`, the text the other version has after the shared words.
// Content when more than three real words remain after removing page
// chrome phrases (in the eight languages of stopwords.hpp), footer lines,
// addresses, numbers and letter junk, or when the tail is longer than 80
// words. An empty tail is not content.
[[nodiscard]] TailReading read_missing_tail(std::string_view tail);

// Whether `line` is page chrome and nothing else: no real word, and a
// chrome phrase ("Like Loading...", "Powered by WordPress.com") or letter
// junk ("mmmmmmmmmmlli"). Footers, addresses, cut markers and bare list
// markers are not chrome: they are endings of their own.
[[nodiscard]] bool is_chrome_line(std::string_view line);

// Where the trailing block of chrome lines of `text` starts (at most five
// lines of at most 30 words together), or npos when it does not end with
// one or nothing but chrome precedes it.
[[nodiscard]] std::size_t chrome_tail_start(std::string_view text);

// Whether `folded` (a word as fold_word returns it) is no word of prose: no
// letters, an address ("wordpress.com", "http://..."), or a run of four or
// more equal letters ("mmmmmmmmmmlli", a font-probe string).
[[nodiscard]] bool is_non_word(std::string_view folded);

}  // namespace stet::analysis
