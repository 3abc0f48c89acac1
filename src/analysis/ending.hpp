#pragma once
// Reading the end of a text: its last line and paragraph, and what they say
// about a cut (stops mid-sentence, ends on a word that cannot end a
// sentence, a dangling label, a cut marker) or against one (a sentence end,
// a URL, a signature, a table row, a rule, a list, a heading, a footer).

#include "analysis/truncation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace stet::analysis {

struct EndingReading {
  std::vector<Reason> reasons;  // for and against a cut
  std::string cut_after;        // up to three last words of the last line
};

// Reads how `text` ends. REQUIRES: `text` is not blank.
[[nodiscard]] EndingReading read_ending(std::string_view text);

}  // namespace stet::analysis
