#pragma once
// Terminal safety: text from records, stores, remotes and documents shown
// with its control characters made visible, so that output never makes a
// terminal do something (retitle, recolour, move the cursor) it was not meant to.

#include <string>
#include <string_view>

namespace stet::cli {

// `value` for one line of text output (metadata: sources, titles, authors,
// ids, remote names and URLs, paths, error messages). Every C0 control
// (tab, newline and carriage return included), DEL and C1 control is shown
// as an escape: `\t`, `\n`, `\r`, `\xHH` (C0, DEL), `\u00HH` (C1, U+0080 to
// U+009F); a byte that is not part of valid UTF-8 is shown as `\xHH`.
// Everything else, including a backslash, is kept as it is.
[[nodiscard]] std::string visible(std::string_view value);

// `text` for a terminal format of document text (color diffs, check and log
// lines): as visible(), but tab, newline and a carriage return just before
// a newline (a CRLF line ending) are kept.
[[nodiscard]] std::string visible_text(std::string_view text);

// Whether visible_text(text) would change `text` (a fast scan).
[[nodiscard]] bool needs_escaping(std::string_view text);

}  // namespace stet::cli
