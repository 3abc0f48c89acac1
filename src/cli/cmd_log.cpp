#include "cli/check_report.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/render.hpp"
#include "cli/visible.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct LogOptions {
  std::string doc;
  std::string format = "text";
};

// "truncated, completed by v2: ..." or "truncated: <why> (cut after '...')".
std::string check_line(const analysis::Assessment& a) {
  const analysis::Reason& top = a.reasons.front();
  if (top.code == "truncated-copy" || top.code == "completed-later") {
    return top.message;
  }
  return "truncated: " + top.message + (a.cut_after.empty() ? "" : " (cut after '" + a.cut_after + "')");
}

void print_version(std::ostream& out, const store::Version& v, const analysis::VersionAssessment& check) {
  const store::Record& r = v.ingest;
  out << "v" << v.number << "  " << r.sha256.hex();
  if (check.assessment.verdict == analysis::Verdict::truncated) {
    out << "  [truncated]";
  }
  out << "\n";
  out << "  ingested   " << visible(r.ingested_at) << " by " << visible(r.ingested_by) << "\n";
  out << "  retrieved  " << visible(or_unknown(r.retrieved_at)) << "\n";
  out << "  source     " << visible(or_unknown(r.source)) << "\n";
  out << "  size       " << r.bytes << " bytes, " << r.words << " words\n";
  if (!r.title.empty()) {
    out << "  title      " << visible(r.title) << "\n";
  }
  if (check.assessment.verdict == analysis::Verdict::truncated) {
    out << "  check      " << visible(check_line(check.assessment)) << "\n";
  } else if (check.size_drop) {
    out << "  check      " << visible(check.assessment.reasons.front().message) << "\n";
  }
  for (const store::Record& s : v.sightings) {
    out << "  seen again " << visible(s.ingested_at) << " from " << visible(or_unknown(s.source)) << " (retrieved "
        << visible(or_unknown(s.retrieved_at)) << ")\n";
  }
}

ExitCode run_log(Context& context, const LogOptions& options) {
  Format format = parse_format(options.format);
  DocRef ref = parse_doc_ref(options.doc);
  if (!ref.rev.empty()) {
    throw UsageError("stet log takes a document id without @REV");
  }
  auto store = context.open_store();
  auto versions = require_history(store, ref.doc);
  auto checks = assess_history(store, ref.doc, versions);
  if (format == Format::json) {
    nlohmann::json array = nlohmann::json::array();
    for (std::size_t i = 0; i < versions.size(); ++i) {
      nlohmann::json object = version_json(versions[i]);
      object["verdict"] = analysis::verdict_name(checks[i].assessment.verdict);
      object["check"] = assessment_json(checks[i]);
      array.push_back(object);
    }
    write_json(*context.out, array);
    return ExitCode::ok;
  }
  *context.out << visible(ref.doc) << ": " << versions.size() << (versions.size() == 1 ? " version" : " versions") << "\n";
  for (std::size_t i = 0; i < versions.size(); ++i) {
    print_version(*context.out, versions[i], checks[i]);
  }
  return ExitCode::ok;
}

}  // namespace

void add_log_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<LogOptions>();
  CLI::App* sub = app.add_subcommand("log", "Show every version of a document with its provenance, oldest first");
  sub->add_option("doc", options->doc, "Document id")->required();
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_log(context, *options); }});
}

}  // namespace stet::cli
