#pragma once
// Sentences with byte offsets: Unicode's sentence break rules (UAX #29 as
// ICU implements them), with the abbreviations of a language (CLDR's
// sentence-break exceptions, "Mr.", "e.g.", "z.B.") kept inside their
// sentence. Lines of pure ASCII take a fast path that gives the same breaks
// as ICU's BreakIterator; other lines go through ICU (docs/text.md).

#include <cstddef>
#include <string_view>
#include <vector>

namespace stet::text {

struct Sentence {
  std::size_t begin = 0;    // byte offset of the first byte
  std::size_t end = 0;      // one past the last byte, trailing white space included
  bool terminated = false;  // ended by . ! ? (or another terminator), not by a line break or the text's end
};

struct SentenceOptions {
  // A language tag ("en", "de", "fr-CA") whose abbreviations do not end a
  // sentence; empty: none (every break of the rules stands).
  std::string_view language;
  // false: a line break ends a sentence, as UAX #29 has it (one paragraph
  // per line, as extracted web text and most captures are). true: a single
  // line break inside a paragraph is read as a space (hard-wrapped text);
  // a blank line still ends the sentence.
  bool unwrap_lines = false;
};

// The sentences of `text` in order; they cover every byte exactly once, so
// concatenating them gives `text` back. Bytes that are not valid UTF-8 are
// read as U+FFFD (never dropped).
[[nodiscard]] std::vector<Sentence> sentences(std::string_view text, const SentenceOptions& options = {});

// The same breaks, always through ICU's sentence BreakIterator (the tests
// compare the two; abbreviations are applied the same way to both).
[[nodiscard]] std::vector<Sentence> sentences_icu(std::string_view text, const SentenceOptions& options = {});

}  // namespace stet::text
