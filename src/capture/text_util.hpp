#pragma once
// (private) Small string helpers shared by the capture code.

#include <string>
#include <string_view>

namespace stet::capture {

[[nodiscard]] std::string ascii_lower(std::string_view text);
[[nodiscard]] std::string_view trim(std::string_view text);
// The ASCII bytes of UTF-16/32 text with a BOM (other characters dropped),
// enough to sniff markup.
[[nodiscard]] std::string ascii_view_of_wide(std::string_view bytes);
// Collapses every run of white space to one space and trims the ends.
[[nodiscard]] std::string collapse_space(std::string_view text);
// Cuts `text` to at most `limit` bytes at a UTF-8 boundary.
[[nodiscard]] std::string cut_utf8(std::string text, std::size_t limit);

}  // namespace stet::capture
