#pragma once
// What `--ignore-typography` compares: the text layer's comparison form
// (NFC and the one typography table of text/typography.hpp), so the diff
// and the normalized SHA-256 agree on which variants say the same thing.

#include "text/normalize.hpp"

#include <string>
#include <string_view>

namespace stet::diff {

// `text` in the form tokens compare in under `--ignore-typography`
// (text::comparison_form): ‘ ’ ‚ ‛ ′ ʼ to ', “ ” „ ‟ ″ « » to ", dashes to -,
// … to ..., fixed-width spaces to a space, ligatures spelled out, invisible
// characters removed, after Unicode NFC.
[[nodiscard]] inline std::string fold_typography(std::string_view text) { return text::comparison_form(text); }

}  // namespace stet::diff
