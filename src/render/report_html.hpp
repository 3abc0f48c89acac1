#pragma once
// `stet report`: one self-contained HTML page of a document's history — the
// versions with their provenance and truncation verdicts, the word diffs
// between them, and the store's verification of them at report time.

#include "analysis/version_truncation.hpp"
#include "store/audit.hpp"
#include "store/version.hpp"

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace stet::cli {

// Up to this many versions every pair is compared; beyond it, consecutive
// pairs only, so the page grows with the changes (see docs/report.md).
inline constexpr std::size_t k_all_pairs_max_versions = 12;

struct ReportInput {
  std::string doc;
  std::vector<store::Version> versions;                    // oldest first
  std::vector<analysis::VersionText> texts;                // versions[i]'s bytes at i
  std::vector<analysis::VersionAssessment> checks;         // assess_versions(texts)
  std::vector<std::optional<std::string>> capture_errors;  // why versions[i] is an error page; empty: none is
  store::AuditReport audit;                                // audit_store limited to `doc`
  std::string generated_at;                                // RFC 3339
  std::string generator;                                   // e.g. "stet 0.1.0"
  bool full = false;                                       // every diff with all its unchanged text (--full)
};

// The pairs (older, newer; 0-based indexes) the report compares for `count`
// versions: all of them up to k_all_pairs_max_versions, else consecutive
// pairs only. Consecutive pairs first.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> report_pairs(std::size_t count);

// The same for versions of which those marked in `passed_over` are capture
// errors (error, challenge, consent or login pages): the pairs shown come
// first, each good capture against the good capture before it (an error page
// compared with an article says nothing), and their number is `shown`; then
// the others as report_pairs(count) has them, pairs with error pages included
// (shown when picked). Without capture errors, report_pairs(count) with
// `shown` = count - 1.
struct ReportPairs {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::size_t shown = 0;
};
[[nodiscard]] ReportPairs report_pairs(const std::vector<bool>& passed_over);

// True when input.capture_errors names an error for versions[i].
[[nodiscard]] bool is_capture_error(const ReportInput& input, std::size_t i);

// Writes the page. Every document text and metadata value is escaped; the
// page loads nothing from elsewhere and its Content-Security-Policy allows
// only its own inline style and script. REQUIRES: texts and checks are
// parallel to versions.
void write_report_html(std::ostream& out, const ReportInput& input);

}  // namespace stet::cli
