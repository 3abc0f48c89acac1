#pragma once
// Checks and canonical forms of an ingested text: whether it is text at all
// (UTF-8, no NUL), its normalized form, and its word count.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stet::analysis {

// Nullopt when `bytes` is acceptable text (valid UTF-8 without NUL bytes;
// a BOM, CRLF and other control characters are allowed), else one line
// saying why not and where (a byte offset).
[[nodiscard]] std::optional<std::string> text_problem(std::string_view bytes);

// The normalized form recorded as `normalized_sha256`: Unicode NFC; curly
// quotes, primes and guillemet-free apostrophes folded to ASCII quotes;
// dashes and minus signs to '-'; NBSP and other spaces to ' '; ligatures
// (U+FB00..U+FB06) spelled out; zero-width characters, soft hyphens and the
// BOM removed; every whitespace run collapsed to one space; ends trimmed.
// REQUIRES: valid UTF-8.
[[nodiscard]] std::string normalized_text(std::string_view utf8);

// Words: maximal runs of letters, digits and marks (with inner ' or ’ or
// . between letters, as in "don't" and "U.S."); CJK ideographs count one
// each.
[[nodiscard]] std::size_t count_words(std::string_view utf8);

// The first non-empty line, trimmed and cut to 200 characters at a UTF-8
// boundary; empty when there is none.
[[nodiscard]] std::string first_line_title(std::string_view utf8);

}  // namespace stet::analysis
