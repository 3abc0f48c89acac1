#pragma once
// The normalization behind the normalized SHA-256 of a record, and the
// comparison form `diff --ignore-typography` compares tokens in: one
// definition, so that two texts have the same normalized hash exactly when
// the diff finds no difference between them (docs/text.md).

#include <string>
#include <string_view>

namespace stet::text {

// `utf8` in Unicode NFC (returned unchanged when it already is, the usual
// case, checked without converting to UTF-16). Throws std::runtime_error
// when ICU's normalizer is unavailable.
[[nodiscard]] std::string nfc(std::string_view utf8);

// NFC of `utf8`, then every code point through typography_fold(); white
// space other than the table's fixed-width spaces is kept.
[[nodiscard]] std::string comparison_form(std::string_view utf8);

// The normalized form recorded as `normalized_sha256`: comparison_form()
// with every run of white space (is_space) collapsed to one space and both
// ends trimmed. REQUIRES: valid UTF-8. Changing this changes what
// `verify --file` accepts for every stored record.
[[nodiscard]] std::string normalized_text(std::string_view utf8);

}  // namespace stet::text
