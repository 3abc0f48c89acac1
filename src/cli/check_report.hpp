#pragma once
// Truncation verdicts as the commands show them: loading a document's
// versions for the cross-version checks, and rendering an assessment as
// text or JSON (shared by check, ingest and log).

#include "analysis/version_truncation.hpp"
#include "store/content_store.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace stet::cli {

// The number, SHA-256 and bytes of every version of `doc`, in order.
// Throws store::Error when a content cannot be read.
[[nodiscard]] std::vector<analysis::VersionText> load_version_texts(const store::ContentStore& store,
                                                                    const std::string& doc,
                                                                    const std::vector<store::Version>& versions);

// The store's evidence about endings: how many other documents' latest
// versions end with each of `keys` (analysis::ending_key). Reads every
// other document once; call only when `keys` is not empty.
[[nodiscard]] analysis::StoreEvidence count_store_endings(const store::ContentStore& store, const std::string& doc,
                                                          const std::vector<std::string>& keys);

// Assesses each of `texts` (the versions of `doc`) against the others; when
// some verdict rests on its ending alone, again with the store's evidence
// of boilerplate endings (analysis::endings_worth_counting).
[[nodiscard]] std::vector<analysis::VersionAssessment> assess_texts(const store::ContentStore& store,
                                                                    const std::string& doc,
                                                                    const std::vector<analysis::VersionText>& texts);

// assess_texts of every version of `doc` (index i: versions[i]).
[[nodiscard]] std::vector<analysis::VersionAssessment> assess_history(const store::ContentStore& store,
                                                                      const std::string& doc,
                                                                      const std::vector<store::Version>& versions);

// {verdict, confidence, reasons[{code, message, supports}], cut_after,
// missing_words, measured_against{version, sha256, relation},
// differing_words, suspicious_capture{...}}; absent findings are null.
[[nodiscard]] nlohmann::json assessment_json(const analysis::VersionAssessment& assessment);

// "truncated (cut after 'x y z')" or "complete".
[[nodiscard]] std::string verdict_summary(const analysis::Assessment& assessment);

// The text report of one document: a heading line with the verdict, then
// one line per reason ('+' supports the verdict, '-' speaks against it).
void print_assessment(std::ostream& out, const std::string& label, const analysis::VersionAssessment& assessment);

}  // namespace stet::cli
