#pragma once
// What a single line of text looks like at the end of a document: a rule,
// a URL, a table row, a list item, a closing formula ("Regards,"), a footer,
// a form field, a dangling label ("Source", "Read more"), a sentence end.
// Pure string classification, no context beyond the line itself.

#include "analysis/end_matter.hpp"

#include <string>
#include <string_view>

namespace stet::analysis {

// The line with leading and trailing white space removed.
[[nodiscard]] std::string_view trim_line(std::string_view line);

// Ends with sentence punctuation (. ! ? … ; and CJK/Arabic/Devanagari
// equivalents), possibly followed by closing quotes, brackets or emphasis
// marks ("end.)", "**Done.**"). A bare "..." or "…" counts, too: the caller
// checks cut markers first.
[[nodiscard]] bool ends_with_terminal(std::string_view line);

// A horizontal rule or code fence: three or more of - _ = * ~ # ` — ─, spaces allowed.
[[nodiscard]] bool is_rule(std::string_view line);

// The line ends with a URL, an e-mail address or a <...> link.
[[nodiscard]] bool ends_with_link(std::string_view line);

// A table row: starts or ends with '|' and has at least two.
[[nodiscard]] bool is_table_row(std::string_view line);

// Aligned columns: two or more gaps of three or more spaces (or tabs)
// between words ("Jeff Licquia       Rusty Russell      Christopher Yeoh").
[[nodiscard]] bool has_columns(std::string_view line);

// Starts with a bullet or enumeration ("* ", "- ", "• ", "3. ", "b) ", "(iv) ").
[[nodiscard]] bool is_list_item(std::string_view line);

// The kind of a list item's marker ("*", "-", "1.", "(1)", "a)", ...), so
// that items of one list can be compared; empty when not a list item.
[[nodiscard]] std::string list_marker_kind(std::string_view line);

// A list marker with nothing after it: "*", "-", "(2)", "d)", "3.".
[[nodiscard]] bool is_bare_marker(std::string_view line);

// A Markdown ATX heading: one to six '#' and a space ("## Terms").
[[nodiscard]] bool is_markdown_heading(std::string_view line);

// A heading: Markdown '#', a line wholly in ** or __, or a short line in
// capitals or numbered like a section ("10.68. Version 2.1.0", "§ 4", "Anlage 7").
[[nodiscard]] bool is_heading(std::string_view line);

}  // namespace stet::analysis
