#pragma once
// The picture at the top of `stet report`: every observation of a document
// on a time axis (inline SVG), with the words each version added and removed,
// and truncated or suspicious captures marked, because a long history is
// read as a picture first.

#include "diff/word_diff.hpp"
#include "render/report_html.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace stet::cli {

// When a version or sighting was observed: its retrieval time when known
// and valid, else its ingest time; seconds since the epoch, or nullopt when
// neither parses.
[[nodiscard]] std::optional<long long> observed_at(const store::Record& record);

// Writes `<figure class="chart">` with one inline `<svg>`: a circle per
// version (red and marked ✂ when truncated, amber for a suspicious capture,
// grey and marked ✕ for a capture error), a tick per sighting, green bars up
// for words added and red bars down for words removed (`steps[i]`: version
// i+2, 1-based, against the good capture before it; none for a capture
// error), year
// labels, and a <title> on every mark. Text in it is escaped. REQUIRES:
// steps.size() + 1 == input.versions.size() (or both empty).
void write_timeline_svg(std::ostream& out, const ReportInput& input, const std::vector<diff::Stats>& steps);

}  // namespace stet::cli
