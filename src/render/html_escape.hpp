#pragma once
// Escaping text for HTML: shared by every HTML rendering (stet diff
// --format html, stet report) so that no document text can become markup.

#include <string>
#include <string_view>

namespace stet::cli {

// `text` with &, <, >, " and ' replaced by character references: safe both
// as element content and inside a quoted attribute value.
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace stet::cli
