#include "render/report_sections.hpp"

#include "render/html_escape.hpp"
#include "render/render.hpp"

#include <cmath>
#include <optional>
#include <ostream>

namespace stet::cli {

namespace {

std::string time_html(const std::string& value) {
  if (value.empty()) {
    return "<span class=\"small\">unknown</span>";
  }
  std::string escaped = html_escape(value);
  return "<time datetime=\"" + escaped + "\" title=\"" + escaped + "\">" + html_escape(display_time(value)) + "</time>";
}

// A source is a link only when it is an http(s) URL: any other scheme
// (javascript:, data:) stays plain text.
std::string source_html(const std::string& source) {
  if (source.empty()) {
    return "<span class=\"small\">unknown</span>";
  }
  std::string escaped = html_escape(source);
  if (source.starts_with("https://") || source.starts_with("http://")) {
    return "<a href=\"" + escaped + "\" rel=\"noopener noreferrer\">" + escaped + "</a>";
  }
  return escaped;
}

void write_findings(std::ostream& out, const store::AuditReport& audit) {
  out << "<span class=\"badge bad\">" << plural(audit.findings.size(), "problem") << "</span> "
      << "Re-reading this document's versions at report time found:<ul>";
  for (const store::Finding& f : audit.findings) {
    out << "<li><code>" << html_escape(store::finding_kind_name(f.kind)) << "</code> " << html_escape(f.message);
    if (!f.hint.empty()) {
      out << " <span class=\"small\">" << html_escape(f.hint) << "</span>";
    }
    out << "</li>";
  }
  out << "</ul>";
}

void write_verification(std::ostream& out, const store::AuditReport& audit) {
  out << "<dt>Verification</dt><dd id=\"verification\">";
  if (audit.findings.empty()) {
    out << "<span class=\"badge ok\">verified</span> At report time " << plural(audit.counts.versions, "version")
        << " and " << plural(audit.counts.records, "record")
        << " of this document were re-read and match their SHA-256; the store's history ("
        << plural(audit.counts.commits, "commit") << ") only ever added.";
  } else {
    write_findings(out, audit);
  }
  if (!audit.not_proven.empty()) {
    out << "<details><summary class=\"small\">What this check cannot prove</summary><ul>";
    for (const std::string& item : audit.not_proven) {
      out << "<li>" << html_escape(item) << "</li>";
    }
    out << "</ul></details>";
  }
  out << "</dd>\n";
}

std::string verdict_html(const analysis::VersionAssessment& check, const std::optional<std::string>& error) {
  const analysis::Assessment& a = check.assessment;
  if (error) {
    return "<span class=\"badge err\">capture error</span><span class=\"why\">" + html_escape(*error) +
           ": an error, challenge, consent or login page, not the text. It stays in the record; comparisons pass "
           "over it.</span>";
  }
  if (a.verdict == analysis::Verdict::truncated) {
    int confidence = static_cast<int>(std::lround(a.confidence * 100.0));
    std::string why = a.reasons.empty() ? "" : a.reasons.front().message;
    if (!a.cut_after.empty() && why.find(a.cut_after) == std::string::npos) {
      why += " Cut after “" + a.cut_after + "”.";
    }
    return "<span class=\"badge bad\" title=\"" + std::to_string(confidence) + "% confident\">truncated</span>" +
           "<span class=\"why\">" + html_escape(why) + "</span>";
  }
  if (check.size_drop) {
    return "<span class=\"badge warn\">size drop</span><span class=\"why\">" +
           html_escape(a.reasons.empty() ? "" : a.reasons.front().message) + "</span>";
  }
  return "<span class=\"badge ok\">complete</span>";
}

std::string sightings_html(const store::Version& v) {
  if (v.sightings.empty()) {
    return "<span class=\"small\">none</span>";
  }
  std::string html = "<details><summary>" + plural(v.sightings.size(), "more time") + "</summary><ul>";
  for (const store::Record& s : v.sightings) {
    html += "<li>" + time_html(s.ingested_at) + " from " + source_html(s.source) + "</li>";
  }
  return html + "</ul></details>";
}

void write_version_row(std::ostream& out, const store::Version& v, const analysis::VersionAssessment& check,
                       const std::optional<std::string>& error) {
  const store::Record& r = v.ingest;
  std::string sha = r.sha256.hex();
  bool cut = check.assessment.verdict == analysis::Verdict::truncated;
  out << "<tr id=\"v" << v.number << "\""
      << (error ? " class=\"err-row\""
          : cut ? " class=\"cut-row\""
                : "")
      << "><td class=\"num\">v" << v.number << "</td><td><code class=\"sha\" title=\"SHA-256 " << sha
      << " (click to copy)\" data-sha=\"" << sha << "\">" << sha.substr(0, 12) << "</code></td><td>"
      << time_html(r.retrieved_at) << "</td><td>" << time_html(r.ingested_at) << "<br><span class=\"small\">by "
      << html_escape(r.ingested_by) << "</span></td><td class=\"src\">" << source_html(r.source);
  if (!r.title.empty()) {
    out << "<br><span class=\"small title\">" << html_escape(r.title) << "</span>";
  }
  out << "</td><td>" << sightings_html(v) << "</td><td>" << r.bytes << " bytes<br><span class=\"small\">"
      << plural(r.words, "word") << "</span></td><td>" << verdict_html(check, error) << "</td></tr>\n";
}

// Listed only when there are any: which versions are error pages, passed over by the comparisons.
void write_capture_errors(std::ostream& out, const ReportInput& input) {
  std::string list;
  std::size_t count = 0;
  for (std::size_t i = 0; i < input.versions.size(); ++i) {
    if (is_capture_error(input, i)) {
      list += std::string(count++ == 0 ? "" : ", ") + "<a href=\"#v" + std::to_string(input.versions[i].number) +
              "\">v" + std::to_string(input.versions[i].number) + "</a> (" + html_escape(*input.capture_errors[i]) +
              ")";
    }
  }
  if (count > 0) {
    out << "<dt>Capture errors</dt><dd id=\"capture-errors\"><span class=\"badge err\">"
        << plural(count, "capture error") << "</span> " << list
        << ". Error, challenge, consent and login pages stay in the record; the changes below compare each good "
        << "capture with the good capture before it.</dd>\n";
  }
}

// The first or the latest version that is not a capture error (the first or latest version when all are).
int good_number(const ReportInput& input, bool latest) {
  std::size_t n = input.versions.size();
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t i = latest ? n - 1 - k : k;
    if (!is_capture_error(input, i)) {
      return input.versions[i].number;
    }
  }
  return latest ? input.versions.back().number : input.versions.front().number;
}

}  // namespace

std::string pair_id(int a, int b) { return "d-" + std::to_string(a) + "-" + std::to_string(b); }

std::string display_time(const std::string& rfc3339) {
  if (rfc3339.size() < 19 || rfc3339[10] != 'T' || rfc3339[13] != ':') {
    return rfc3339;
  }
  std::size_t zone = rfc3339.find_first_of("Zz+-", 19);
  std::string suffix = zone == std::string::npos ? "" : rfc3339.substr(zone);
  suffix = suffix == "Z" || suffix == "z" || suffix == "+00:00" ? " UTC" : suffix.empty() ? "" : " " + suffix;
  return rfc3339.substr(0, 10) + " " + rfc3339.substr(11, 5) + suffix;
}

void write_masthead(std::ostream& out, const ReportInput& input) {
  const auto& versions = input.versions;
  out << "<header>\n<p class=\"kicker\">Document history · stet report</p>\n<h1>" << html_escape(input.doc)
      << "</h1>\n<p class=\"lede\">";
  // The title of the latest good capture: an error page's title ("404 Not Found") names no document.
  std::size_t titled = versions.size();
  while (titled > 0 && is_capture_error(input, titled - 1)) {
    --titled;
  }
  if (titled > 0 && !versions[titled - 1].ingest.title.empty()) {
    out << "<cite>" << html_escape(versions[titled - 1].ingest.title) << "</cite> · ";
  }
  out << plural(versions.size(), "version");
  if (!versions.empty()) {
    out << " · first ingested " << time_html(versions.front().ingest.ingested_at) << ", latest "
        << time_html(versions.back().ingest.ingested_at);
  }
  out << "</p>\n<dl class=\"facts\">\n<dt>Document</dt><dd><code>" << html_escape(input.doc) << "</code></dd>\n"
      << "<dt>Versions</dt><dd>" << versions.size() << "</dd>\n";
  write_capture_errors(out, input);
  write_verification(out, input.audit);
  out << "<dt>Report made</dt><dd>" << time_html(input.generated_at) << " by " << html_escape(input.generator)
      << "</dd>\n</dl>\n</header>\n";
}

void write_timeline(std::ostream& out, const ReportInput& input) {
  out << "<section id=\"versions\">\n<h2>Versions</h2>\n<table class=\"timeline\"><thead><tr><th>#</th>"
      << "<th>SHA-256</th><th>Retrieved</th><th>Ingested</th><th>Source</th><th>Seen again</th><th>Size</th>"
      << "<th>Truncation</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < input.versions.size(); ++i) {
    write_version_row(out, input.versions[i], input.checks[i],
                      is_capture_error(input, i) ? input.capture_errors[i] : std::nullopt);
  }
  out << "</tbody></table>\n</section>\n";
}

void write_change_controls(std::ostream& out, const ReportInput& input,
                           const std::vector<std::pair<std::size_t, std::size_t>>& pairs, std::size_t shown) {
  int first = input.versions.empty() ? 1 : good_number(input, false);
  int latest = input.versions.empty() ? 1 : good_number(input, true);
  out << "<div class=\"controls\"><span class=\"toggle\">View: <label for=\"view-inline\">Inline</label> "
      << "<label for=\"view-side\">Side by side</label></span>\n<form id=\"picker\" class=\"picker\">Compare "
      << "<select name=\"a\" aria-label=\"older version\">";
  for (const store::Version& v : input.versions) {
    out << "<option value=\"" << v.number << "\"" << (v.number == first ? " selected" : "") << ">v" << v.number
        << "</option>";
  }
  out << "</select> with <select name=\"b\" aria-label=\"newer version\">";
  for (const store::Version& v : input.versions) {
    out << "<option value=\"" << v.number << "\"" << (v.number == latest ? " selected" : "") << ">v" << v.number
        << "</option>";
  }
  out << "</select> <button type=\"submit\">Show</button> <span id=\"pick-msg\" role=\"status\"></span></form>\n"
      << "<span class=\"legend\"><ins>added</ins><del>removed</del><ins class=\"moved\">moved</ins>"
      << "<ins class=\"missing\">missing after a cut</ins></span></div>\n";
  if (pairs.size() > shown) {
    out << "<p class=\"allpairs\">Other comparisons: ";
    for (std::size_t k = shown; k < pairs.size(); ++k) {
      auto [older, newer] = pairs[k];
      std::string id = pair_id(input.versions[older].number, input.versions[newer].number);
      out << "<a href=\"#" << id << "\">v" << input.versions[older].number << "→v" << input.versions[newer].number
          << "</a>";
    }
    out << "</p>\n";
  }
}

void write_fingerprints(std::ostream& out, const ReportInput& input) {
  out << "<section id=\"fingerprints\">\n<h2>Fingerprints</h2>\n<p class=\"small\">The SHA-256 of each version's "
      << "exact bytes, to compare with a copy: <code>sha256sum FILE</code> or <code>stet verify --file FILE</code>."
      << "</p>\n<dl class=\"fingerprints\">";
  for (const store::Version& v : input.versions) {
    out << "<dt>v" << v.number << "</dt><dd><code>" << v.sha256.hex() << "</code></dd>";
  }
  out << "</dl>\n</section>\n";
}

}  // namespace stet::cli
