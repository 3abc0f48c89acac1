#include "render/audit_render.hpp"

#include "render/render.hpp"
#include "render/visible.hpp"

#include <ostream>
#include <set>

namespace stet::cli {

namespace {

std::string version_name(const store::AffectedVersion& v) {
  return v.doc + "@" + (v.number > 0 ? std::to_string(v.number) : std::string("?"));
}

std::string checked(const store::AuditReport& r) {
  const store::AuditCounts& c = r.counts;
  return "read " + plural(c.objects, "object") + " from " + plural(c.commits, "commit") + "; checked " +
         plural(c.versions, "version") + " and " + plural(c.records, "record") + " of " +
         plural(c.documents, "document");
}

}  // namespace

std::string audit_summary(const store::AuditReport& report) {
  if (report.findings.empty()) {
    return "stet verify: no findings; " + checked(report);
  }
  std::set<std::pair<std::string, std::string>> versions;
  for (const store::Finding& f : report.findings) {
    for (const store::AffectedVersion& v : f.affected) {
      versions.emplace(v.doc, v.sha256);
    }
  }
  return "stet verify: " + plural(report.findings.size(), "finding") + " affecting " +
         plural(versions.size(), "version") + "; " + checked(report);
}

void write_audit_text(std::ostream& out, const store::AuditReport& report) {
  for (const store::Finding& f : report.findings) {
    out << store::finding_kind_name(f.kind) << ": " << visible(f.message) << "\n";
    for (const store::AffectedVersion& v : f.affected) {
      out << "  affects " << visible(version_name(v)) << "  sha256 " << v.sha256.substr(0, 12);
      if (!v.object_id.empty()) {
        out << "  object " << v.object_id.substr(0, 12);
      }
      out << "\n";
    }
    if (!f.commit.empty()) {
      out << "  commit " << f.commit << "\n";
    }
    if (!f.object_id.empty()) {
      out << "  object " << f.object_id << "\n";
    }
    out << "  hint: " << visible(f.hint) << "\n\n";
  }
  if (!report.not_proven.empty()) {
    out << "not proven by this run:\n";
    for (const std::string& line : report.not_proven) {
      out << "  - " << visible(line) << "\n";
    }
  }
  out << audit_summary(report) << "\n";
}

nlohmann::json audit_json(const store::AuditReport& report) {
  nlohmann::json findings = nlohmann::json::array();
  for (const store::Finding& f : report.findings) {
    nlohmann::json affected = nlohmann::json::array();
    for (const store::AffectedVersion& v : f.affected) {
      affected.push_back({{"doc", v.doc},
                          {"version", v.number > 0 ? nlohmann::json(v.number) : nlohmann::json(nullptr)},
                          {"sha256", v.sha256},
                          {"object_id", v.object_id}});
    }
    findings.push_back({{"kind", store::finding_kind_name(f.kind)},
                        {"message", f.message},
                        {"object_id", f.object_id},
                        {"commit", f.commit},
                        {"path", f.path},
                        {"affected", affected},
                        {"hint", f.hint}});
  }
  const store::AuditCounts& c = report.counts;
  return {{"clean", report.findings.empty()},
          {"head", report.head},
          {"counts",
           {{"refs", c.refs},
            {"commits", c.commits},
            {"objects", c.objects},
            {"bytes", c.bytes},
            {"documents", c.documents},
            {"versions", c.versions},
            {"records", c.records}}},
          {"findings", findings},
          {"not_proven", report.not_proven},
          {"summary", audit_summary(report)}};
}

}  // namespace stet::cli
