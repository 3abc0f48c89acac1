#pragma once
// Words with byte offsets: the units the word diff compares (words by
// Unicode's word break rules, UAX #29 as ICU implements them, punctuation
// and white-space runs) and the stored word count, which is their number.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace stet::text {

enum class TokenKind : std::uint8_t {
  word,   // letters, digits, ideographs, kana (ICU word rule status >= 100)
  space,  // a maximal run of white space, line breaks included
  punct,  // anything else: punctuation, symbols, emoji, one segment each
};

struct Token {
  std::size_t begin = 0;  // byte offset of the first byte
  std::size_t end = 0;    // byte offset one past the last byte
  TokenKind kind = TokenKind::punct;
};

// The tokens of `text` in order; they cover every byte exactly once, so
// concatenating them gives `text` back. Pure ASCII input takes a fast path
// that gives the same tokens as ICU's word BreakIterator. Bytes that are
// not valid UTF-8 come out as punctuation tokens, never dropped.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

// Appends the tokens of `text` to `out`, their offsets shifted by `offset`
// (for text that is a slice of a larger one).
void tokenize_append(std::string_view text, std::size_t offset, std::vector<Token>& out);

// The same as tokenize() but always through ICU (tests compare the two).
[[nodiscard]] std::vector<Token> tokenize_icu(std::string_view text);

// The word count of `text`: the number of its word tokens. This is the
// count a record stores at ingest (`words`, shown by show --meta, log and
// report) and the one the diff statistics add up over their ops, so one
// text has one word count everywhere (docs/text.md).
[[nodiscard]] std::size_t word_count(std::string_view text);

}  // namespace stet::text
