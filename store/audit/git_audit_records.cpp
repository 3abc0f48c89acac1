// Record checks: each record parses, sits in the right folder under the
// name stet gave it, and its `previous` names an earlier version of the
// same document. Versions are then numbered as the store numbers them.

#include "audit/git_audit_impl.hpp"
#include "format/layout.hpp"
#include "format/record_codec.hpp"
#include "store/error.hpp"
#include "store/timeline.hpp"
#include "store/timestamp.hpp"

#include <algorithm>
#include <map>

namespace stet::store::audit {

namespace {

constexpr const char* k_record_hint =
    "the record was edited or replaced after it was written; compare it with a "
    "backup (git log -- PATH shows which commit wrote it)";

std::string prefix(const std::string& sha) { return sha.substr(0, 12); }

}  // namespace

std::map<std::string, int> timeline_numbers(const std::vector<std::pair<std::string, std::vector<Record>>>& versions) {
  std::vector<Version> ordered;
  for (const auto& [sha, records] : versions) {
    if (records.empty()) {
      continue;  // unreadable records: its number cannot be known
    }
    Version v;
    v.sha256 = records.front().sha256;
    v.ingest = records.front();
    v.sightings.assign(records.begin() + 1, records.end());
    v.object_id = sha;  // carries the folder name through the sort
    ordered.push_back(std::move(v));
  }
  order_versions(ordered);
  std::map<std::string, int> out;
  for (const Version& v : ordered) {
    out[v.object_id] = v.number;
  }
  return out;
}

void Auditor::check_record(const TreeEntry& file, const std::string& doc, const std::string& fpath, SeenVersion& seen) {
  ++m_report.counts.records;
  auto bytes = blob(file.id, fpath);
  if (!bytes) {
    return;
  }
  auto bad = [&](FindingKind kind, const std::string& what) {
    Finding f = version_finding(kind, doc, seen.sha, "record " + fpath + ": " + what, k_record_hint, fpath);
    f.object_id = hex(file.id);
    add(std::move(f));
  };
  Record record;
  try {
    record = codec::record_from_json(*bytes);
  } catch (const Error& e) {
    bad(FindingKind::record_invalid, e.what());
    return;
  }
  if (record.doc != doc) {
    bad(FindingKind::record_mismatch, "names document '" + record.doc + "', but is filed under " + doc);
  }
  if (record.sha256.hex() != seen.sha) {
    bad(FindingKind::record_mismatch,
        "names SHA-256 " + prefix(record.sha256.hex()) + ", but is filed under " + prefix(seen.sha));
  }
  if (!parse_rfc3339(record.ingested_at)) {
    bad(FindingKind::record_invalid, "ingested_at '" + record.ingested_at + "' is not an RFC 3339 time");
  } else if (layout::record_name(record, *bytes) != file.name) {
    bad(FindingKind::record_mismatch, "its bytes no longer match the hash in its file name (it was edited)");
  }
  seen.earliest = seen.earliest.empty() ? record.ingested_at : std::min(seen.earliest, record.ingested_at);
  seen.records.push_back({std::move(record), fpath});
}

void Auditor::check_chain(const std::string& doc, std::vector<SeenVersion>& versions) {
  std::sort(versions.begin(), versions.end(), [](const SeenVersion& a, const SeenVersion& b) {
    return a.earliest != b.earliest ? a.earliest < b.earliest : a.sha < b.sha;
  });
  std::map<std::string, const SeenVersion*> by_sha;
  std::vector<std::pair<std::string, std::vector<Record>>> records;
  for (const SeenVersion& v : versions) {
    by_sha[v.sha] = &v;
    records.emplace_back(v.sha, std::vector<Record>{});
    for (const SeenRecord& r : v.records) {
      records.back().second.push_back(r.record);
    }
  }
  // Numbered as log and show number them: in timeline order.
  for (const auto& [sha, number] : timeline_numbers(records)) {
    m_known[{doc, sha}].number = number;
  }
  for (const SeenVersion& v : versions) {
    for (const SeenRecord& r : v.records) {
      if (!r.record.previous) {
        continue;
      }
      std::string previous = r.record.previous->hex();
      auto found = by_sha.find(previous);
      std::string problem;
      if (found == by_sha.end()) {
        problem = "its previous version " + prefix(previous) + " is not a version of " + doc;
      } else if (found->second->earliest > r.record.ingested_at) {
        problem = "its previous version " + prefix(previous) + " was first ingested after it";
      } else if (previous == v.sha && r.record.ingested_at == v.earliest) {
        problem = "it names its own version as the previous one";
      }
      if (!problem.empty()) {
        add(version_finding(FindingKind::chain_broken, doc, v.sha, "record " + r.path + ": " + problem,
                            "a version was removed or a record rewritten; compare with a backup or a checkpoint",
                            r.path));
      }
    }
  }
}

}  // namespace stet::store::audit
