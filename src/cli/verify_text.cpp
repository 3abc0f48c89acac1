#include "cli/verify_text.hpp"

#include "capture/capture.hpp"
#include "store/content_store.hpp"
#include "store/error.hpp"

#include <algorithm>

namespace stet::cli {

namespace {

struct Tally {
  std::size_t checked = 0;
  std::size_t other_extractor = 0;
};

capture::TextMode recorded_mode(const std::string& extractor) {
  return extractor.ends_with(" main") ? capture::TextMode::main : capture::TextMode::visible;
}

std::optional<store::Finding> check_record(const store::ContentStore& store, const std::string& doc,
                                           const store::Version& v, const store::Record& r, Tally& tally) {
  if (!r.text_sha256) {
    return std::nullopt;
  }
  if (!r.text_extractor.starts_with(std::string(capture::k_extractor_version) + " ")) {
    ++tally.other_extractor;
    return std::nullopt;
  }
  auto bytes = store.content(doc, v.sha256);
  if (!bytes) {
    return std::nullopt;  // the audit reports missing content
  }
  ++tally.checked;
  std::string derived;
  try {
    capture::Capture c = capture::derive_text(*bytes, r.content_type, recorded_mode(r.text_extractor));
    derived = c.has_text_form ? c.text : *bytes;
  } catch (const capture::RefusedError&) {
    derived.clear();  // refused now: it cannot match
  }
  store::Digest actual = store::sha256(derived);
  if (actual == *r.text_sha256) {
    return std::nullopt;
  }
  store::Finding f;
  f.kind = store::FindingKind::record_mismatch;
  f.message = "the text form of " + doc + "@" + std::to_string(v.number) + " (" + r.text_extractor +
              ") re-derives to " + actual.hex().substr(0, 12) + ", not to the recorded " +
              r.text_sha256->hex().substr(0, 12);
  f.affected.push_back({doc, v.number, v.sha256.hex(), v.object_id});
  f.hint =
      "the stored text or its record was altered, or this build extracts differently; compare "
      "stet show " +
      doc + "@" + std::to_string(v.number) + " --text with a backup";
  return f;
}

}  // namespace

void add_text_form_findings(const std::filesystem::path& path, const std::vector<std::string>& docs,
                            store::AuditReport& report) {
  std::optional<store::ContentStore> store;
  try {
    store.emplace(store::ContentStore::open(path));
  } catch (const store::Error&) {
    return;
  }
  Tally tally;
  for (const store::DocumentSummary& d : store->documents()) {
    if (!docs.empty() && std::find(docs.begin(), docs.end(), d.id) == docs.end()) {
      continue;
    }
    std::optional<std::vector<store::Version>> versions;
    try {
      versions = store->history(d.id);
    } catch (const store::Error&) {
      continue;  // a damaged record: the audit names it
    }
    for (const store::Version& v : versions.value_or(std::vector<store::Version>{})) {
      std::vector<store::Record> records{v.ingest};
      records.insert(records.end(), v.sightings.begin(), v.sightings.end());
      for (const store::Record& r : records) {
        if (auto finding = check_record(*store, d.id, v, r, tally)) {
          report.findings.push_back(std::move(*finding));
        }
      }
    }
  }
  if (tally.other_extractor > 0) {
    report.not_proven.push_back(std::to_string(tally.other_extractor) +
                                " text forms written by another extractor version: their hashes were checked, "
                                "but they were not derived again");
  }
}

}  // namespace stet::cli
