#pragma once
// Checks and canonical forms of an ingested text: whether it is text at all
// (UTF-8, no NUL), its normalized form (from src/text), its title line.
// The word count a record stores is text::word_count.

#include "text/normalize.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stet::analysis {

// Nullopt when `bytes` is acceptable text (valid UTF-8 without NUL bytes;
// a BOM, CRLF and other control characters are allowed), else one line
// saying why not and where (a byte offset).
[[nodiscard]] std::optional<std::string> text_problem(std::string_view bytes);

// The normalized form recorded as `normalized_sha256` (text::normalized_text:
// NFC, the typography table, white space collapsed, ends trimmed).
// REQUIRES: valid UTF-8.
[[nodiscard]] inline std::string normalized_text(std::string_view utf8) { return text::normalized_text(utf8); }

// The first non-empty line, trimmed and cut to 200 characters at a UTF-8
// boundary; empty when there is none.
[[nodiscard]] std::string first_line_title(std::string_view utf8);

}  // namespace stet::analysis
