#pragma once
// The parts of a `stet report` page around the diffs: the masthead with the
// verification result, the timeline of versions, the comparison controls
// and the list of full SHA-256 values. Every value written is escaped.

#include "render/report_html.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace stet::cli {

// The element id of the comparison of versions `a` and `b`: "d-a-b".
[[nodiscard]] std::string pair_id(int a, int b);

// "2026-11-28 02:05 UTC" for an RFC 3339 time; other text unchanged.
[[nodiscard]] std::string display_time(const std::string& rfc3339);

void write_masthead(std::ostream& out, const ReportInput& input);
void write_timeline(std::ostream& out, const ReportInput& input);
// `pairs` as report_pairs gives them, of which the first `shown` are shown
// (the others are listed as links). The picker starts on the first and the
// latest good captures.
void write_change_controls(std::ostream& out, const ReportInput& input,
                           const std::vector<std::pair<std::size_t, std::size_t>>& pairs, std::size_t shown);
void write_fingerprints(std::ostream& out, const ReportInput& input);

}  // namespace stet::cli
