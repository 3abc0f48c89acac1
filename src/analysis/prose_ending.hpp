#pragma once
// The hardest ending to read: a last line of plain words with no final
// punctuation. Decides between prose that stops mid-sentence and a line
// that legitimately ends without punctuation (a list item in a list whose
// items never have any, a heading, a name).

#include "analysis/truncation.hpp"

#include <string_view>
#include <vector>

namespace stet::analysis {

// Reasons for the paragraph `lines[first..last]` (the last one of the
// text), whose last line ends on a plain word. `lines` is the whole text,
// so earlier list items can show the document's own habits.
[[nodiscard]] std::vector<Reason> unfinished_prose_reasons(const std::vector<std::string_view>& lines,
                                                           std::size_t first, std::size_t last);

// The byte offset in `line` where a sentence starts after an earlier one
// ended on the same line (". We"), or npos. Abbreviations ("e.g.", "No.",
// "Inc."), numbers ("7. Dezember") and initials do not end sentences.
[[nodiscard]] std::size_t last_sentence_start(std::string_view line);

}  // namespace stet::analysis
