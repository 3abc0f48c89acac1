#pragma once
// The text renderings of a word diff: wdiff markup or ANSI colours (with
// limited context), and the HTML page.

#include "render/diff_render.hpp"

#include <iosfwd>

namespace stet::cli {

// wdiff markup ([-old-]{+new+}) when `wdiff`, else the colour format
// (ANSI escapes when view.colors, else the same markup with moves tagged).
void render_text(std::ostream& out, const DiffView& view, bool wdiff);

// One self-contained HTML page, every text escaped.
void render_html(std::ostream& out, const DiffView& view);

}  // namespace stet::cli
