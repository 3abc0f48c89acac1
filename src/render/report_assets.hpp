#pragma once
// The inline style sheet and script of `stet report` pages: the only style
// and code a page carries (nothing is loaded from elsewhere).

#include <string_view>

namespace stet::cli {

// The page's CSS: screen layout, diff colours that survive printing in
// grey, and @media print rules (inline diffs only, no controls).
[[nodiscard]] std::string_view report_css();

// The page's only script: the version picker (jumps to the chosen pair) and
// copying a full SHA-256 by clicking it. The page reads fine without it.
[[nodiscard]] std::string_view report_script();

}  // namespace stet::cli
