#pragma once
// The readable text of an HTML page: block structure as lines and
// paragraphs, no scripts, styles or hidden elements, and for each word the
// byte offset in the page it came from.

#include "capture/charset.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::capture {

// visible: every piece of text a reader could see on the page.
// main: the main content only (see docs/capture.md for the heuristic).
enum class TextMode { visible, main };

// "visible" or "main"; nullopt for anything else.
[[nodiscard]] std::optional<TextMode> parse_text_mode(std::string_view name);
[[nodiscard]] const char* text_mode_name(TextMode mode);

struct WordSpan {
  std::uint32_t text_offset = 0;  // where the word starts in `text`
  std::uint32_t page_offset = 0;  // where it starts in the page's bytes
};

struct PageText {
  std::string text;             // UTF-8, blocks on their own lines, paragraphs separated by a blank line, final newline
  std::string title;            // <title>, else og:title; white space collapsed, at most 200 bytes; may be empty
  std::vector<WordSpan> words;  // one per white-space-separated word of `text`, in order
};

// Extracts the text of `page` (already decoded to UTF-8). Deterministic:
// the same input gives the same output. Offsets of words that come from a
// text node with character references that decode to white space point at
// the start of that text node. Never throws on any input (gumbo recovers
// from every parse error).
[[nodiscard]] PageText extract_html(const Decoded& page, TextMode mode);

}  // namespace stet::capture
