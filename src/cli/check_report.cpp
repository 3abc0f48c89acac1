#include "cli/check_report.hpp"

#include "cli/capture_input.hpp"
#include "cli/doc_ref.hpp"
#include "render/visible.hpp"

#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace stet::cli {

namespace {

double rounded(double value) { return std::round(value * 100) / 100; }

nlohmann::json or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

std::string confidence_text(double confidence) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(2) << confidence;
  return out.str();
}

std::string relation(const analysis::PrefixMatch& m) {
  if (!m.truncated) {
    return m.later ? "shorter-than-later" : "shorter-than";
  }
  return m.later ? "completed-by" : "truncated-copy-of";
}

}  // namespace

std::vector<analysis::VersionText> load_version_texts(const store::ContentStore& store, const std::string& doc,
                                                      const std::vector<store::Version>& versions) {
  std::vector<analysis::VersionText> texts;
  texts.reserve(versions.size());
  for (const store::Version& v : versions) {
    texts.push_back({v.number, v.sha256.hex(), version_text(store, doc, v)});
  }
  return texts;
}

analysis::StoreEvidence count_store_endings(const store::ContentStore& store, const std::string& doc,
                                            const std::vector<std::string>& keys) {
  analysis::StoreEvidence evidence;
  for (const std::string& key : keys) {
    evidence.ending_documents[key] = 0;
  }
  for (const store::DocumentSummary& summary : store.documents()) {
    auto history = summary.id == doc ? std::nullopt : store.history(summary.id);
    if (!history || history->empty()) {
      continue;
    }
    ++evidence.documents;
    // Through the same helper as load_version_texts: the one way commands read a version's text.
    auto it = evidence.ending_documents.find(analysis::ending_key(version_text(store, summary.id, history->back())));
    if (it != evidence.ending_documents.end()) {
      ++it->second;
    }
  }
  return evidence;
}

std::vector<analysis::VersionAssessment> assess_texts(const store::ContentStore& store, const std::string& doc,
                                                      const std::vector<analysis::VersionText>& texts) {
  auto assessed = analysis::assess_versions(texts);
  auto keys = analysis::endings_worth_counting(texts, assessed);
  if (keys.empty()) {
    return assessed;
  }
  return analysis::assess_versions(texts, count_store_endings(store, doc, keys));
}

std::vector<analysis::VersionAssessment> assess_history(const store::ContentStore& store, const std::string& doc,
                                                        const std::vector<store::Version>& versions) {
  return assess_texts(store, doc, load_version_texts(store, doc, versions));
}

nlohmann::json assessment_json(const analysis::VersionAssessment& va) {
  const analysis::Assessment& a = va.assessment;
  bool truncated = a.verdict == analysis::Verdict::truncated;
  nlohmann::json reasons = nlohmann::json::array();
  for (const analysis::Reason& r : a.reasons) {
    reasons.push_back({{"code", r.code}, {"message", r.message}, {"supports", r.for_truncation == truncated}});
  }
  nlohmann::json object = {{"verdict", std::string(analysis::verdict_name(a.verdict))},
                           {"confidence", rounded(a.confidence)},
                           {"reasons", reasons},
                           {"cut_after", or_null(a.cut_after)},
                           {"missing_words", nullptr},
                           {"measured_against", nullptr},
                           {"differing_words", nlohmann::json::array()},
                           {"suspicious_capture", nullptr}};
  if (va.prefix) {
    object["missing_words"] = va.prefix->missing_words;
    object["measured_against"] = {
        {"version", va.prefix->of}, {"sha256", va.prefix->of_sha256}, {"relation", relation(*va.prefix)}};
    object["differing_words"] = va.prefix->differing;
    object["missing_content"] = va.prefix->content_missing;
  }
  if (va.size_drop) {
    object["suspicious_capture"] = {{"previous_version", va.size_drop->previous},
                                    {"bytes", va.size_drop->bytes},
                                    {"previous_bytes", va.size_drop->previous_bytes},
                                    {"ratio", rounded(va.size_drop->ratio)}};
  }
  return object;
}

std::string verdict_summary(const analysis::Assessment& a) {
  std::string text(analysis::verdict_name(a.verdict));
  if (!a.cut_after.empty()) {
    text += " (cut after '" + a.cut_after + "')";
  }
  return text;
}

void print_assessment(std::ostream& out, const std::string& label, const analysis::VersionAssessment& va) {
  const analysis::Assessment& a = va.assessment;
  bool truncated = a.verdict == analysis::Verdict::truncated;
  out << visible(label) << ": " << visible(verdict_summary(a)) << ", confidence " << confidence_text(a.confidence)
      << "\n";
  for (const analysis::Reason& r : a.reasons) {
    out << "  " << (r.for_truncation == truncated ? '+' : '-') << " " << r.code << ": " << visible(r.message) << "\n";
  }
}

}  // namespace stet::cli
