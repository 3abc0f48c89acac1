#pragma once
// One comparison in `stet report`: the word diff of two versions as HTML,
// inline and side by side, with moved text marked and, when one version is
// a cut-off copy of the other, the cut point and the missing words shown.

#include "diff/word_diff.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace stet::cli {

struct PairView {
  std::string id;      // the element id, e.g. "d-1-2"
  int number_a = 0;    // the older version
  int number_b = 0;    // the newer version
  std::string_view a;  // their texts; `result` refers to them by offset
  std::string_view b;
  const diff::DiffResult* result = nullptr;
  bool consecutive = true;  // false: shown only when selected (:target)
  bool collapse = true;     // long unchanged runs shortened to their edges, with a count
};

// Writes `<article class="pair">` with a summary line, the cut note, the
// inline view (class "inline") and the side-by-side table (class "side").
// Every text is escaped.
void write_pair_html(std::ostream& out, const PairView& pair);

}  // namespace stet::cli
