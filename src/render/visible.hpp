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
// U+009F); so is every character that can reorder or hide text:
// bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
// U+2069) and invisible format characters (U+00AD, U+200B to U+200D, U+2028,
// U+2029, U+2060 to U+2064, U+206A to U+206F, U+FEFF, U+FFF9 to U+FFFB, tag
// characters U+E0001 and U+E0020 to U+E007F), as `\uXXXX` or `\UXXXXXXXX`.
// A byte that is not part of valid UTF-8 is shown as `\xHH`. Everything
// else, including a backslash, is kept as it is.
[[nodiscard]] std::string visible(std::string_view value);

// `text` for a terminal format of document text (color diffs, check and log
// lines): as visible(), but tab, newline and a carriage return just before
// a newline (a CRLF line ending) are kept, and so are the soft hyphen, ZWNJ
// and ZWJ (U+00AD, U+200C, U+200D), which scripts and emoji need.
[[nodiscard]] std::string visible_text(std::string_view text);

// Whether visible_text(text) would change `text` (a fast scan).
[[nodiscard]] bool needs_escaping(std::string_view text);

}  // namespace stet::cli
