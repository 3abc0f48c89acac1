#pragma once
// `stet report`: one self-contained HTML page of a document's history — the
// versions with their provenance and truncation verdicts, the word diffs
// between them, and the store's verification of them at report time.

#include "analysis/version_truncation.hpp"
#include "store/audit.hpp"
#include "store/version.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace stet::cli {

// Up to this many versions every pair is compared; beyond it, consecutive
// pairs only, so the page grows with the changes (see docs/report.md).
inline constexpr std::size_t k_all_pairs_max_versions = 12;

struct ReportInput {
  std::string doc;
  std::vector<store::Version> versions;          // oldest first
  std::vector<analysis::VersionText> texts;      // versions[i]'s bytes at i
  std::vector<analysis::VersionAssessment> checks;  // assess_versions(texts)
  store::AuditReport audit;                      // audit_store limited to `doc`
  std::string generated_at;                      // RFC 3339
  std::string generator;                         // e.g. "stet 0.1.0"
  bool full = false;                             // every diff with all its unchanged text (--full)
};

// The pairs (older, newer; 0-based indexes) the report compares for `count`
// versions: all of them up to k_all_pairs_max_versions, else consecutive
// pairs only. Consecutive pairs first.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> report_pairs(std::size_t count);

// Writes the page. Every document text and metadata value is escaped; the
// page loads nothing from elsewhere and its Content-Security-Policy allows
// only its own inline style and script. REQUIRES: texts and checks are
// parallel to versions.
void write_report_html(std::ostream& out, const ReportInput& input);

}  // namespace stet::cli
