#pragma once
// The one table of typographic variants that say the same thing: curly and
// straight quotes, guillemets, dashes and hyphens, no-break and other
// fixed-width spaces, ligatures, the ellipsis, invisible characters. Both
// the normalized SHA-256 and `diff --ignore-typography` fold through it.

#include <optional>
#include <string>
#include <string_view>

namespace stet::text {

// The plain form of code point `c`: ‘ ’ ‚ ‛ ′ ʼ to ', “ ” „ ‟ ″ « » to ",
// hyphens, dashes and minus to -, … to ..., no-break and fixed-width spaces
// to a space, ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ spelled out, "" for the soft hyphen, the
// zero-width space, joiners, word joiner and BOM; nullopt to keep `c`.
[[nodiscard]] std::optional<std::string_view> typography_fold(char32_t c);

// `text` with every code point folded through typography_fold(); other
// bytes, ill-formed ones included, kept as they are.
[[nodiscard]] std::string fold_typography(std::string_view text);

}  // namespace stet::text
