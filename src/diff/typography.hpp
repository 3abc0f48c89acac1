#pragma once
// Typographic variants that say the same thing: curly and straight quotes,
// dashes and hyphens, no-break and other spaces, ligatures, the ellipsis.

#include <string>
#include <string_view>

namespace stet::diff {

// `text` with each typographic variant replaced by its plain ASCII form:
// ‘ ’ ‚ ‛ ′ to ', “ ” „ ‟ ″ to ", hyphens, dashes and minus to -, no-break
// and other fixed-width spaces to a space, ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ spelled out, … to
// ..., soft hyphens removed. Other bytes are kept.
[[nodiscard]] std::string fold_typography(std::string_view text);

}  // namespace stet::diff
