#pragma once
// Renders a word diff (diff::DiffResult) for people and programs: coloured
// text, wdiff markup, JSON, one HTML page, or statistics.

#include "diff/word_diff.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace stet::cli {

enum class DiffFormat { color, wdiff, json, html, stat };

// Parsed from --format by cli/format_option.hpp.

struct DiffView {
  std::string_view a;
  std::string_view b;
  std::string label_a;  // e.g. "nac-statement@1" or a file name
  std::string label_b;
  const diff::DiffResult* result = nullptr;
  bool colors = false;  // ANSI escapes (format color only)
  int context = -1;     // lines of unchanged text around changes; negative: all
  std::string shorter;  // a shorter side that is not a cut (render/pair_truncation.hpp), or ""
  std::string sha_a;    // SHA-256 (hex) of each side, named in the html format
  std::string sha_b;
  std::string layout_note;  // diff::layout_difference when the words are the same, else ""
};

// Writes `view` to `out` in `format`.
void render_diff(std::ostream& out, const DiffView& view, DiffFormat format);

// The last `count` words of `text` (line breaks and tabs as spaces), e.g.
// what a cut-off copy ends with.
[[nodiscard]] std::string last_words(std::string_view text, std::size_t count);

// One line saying where the shorter side stops, or "" when not truncated.
[[nodiscard]] std::string truncation_note(const DiffView& view);

}  // namespace stet::cli
