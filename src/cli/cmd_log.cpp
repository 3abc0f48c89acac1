#include "cli/check_report.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/format_option.hpp"
#include "cli/log_entries.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct LogOptions {
  std::string doc;
  std::string format = "text";
  LogFilter filter;
  bool oneline = false;
};

// Record metadata printed by log goes through here.
std::string meta_text(const std::string& value) { return visible(or_unknown(value)); }

// "truncated, completed by v2: ..." or "truncated: <why> (cut after '...')".
std::string check_line(const analysis::Assessment& a) {
  const analysis::Reason& top = a.reasons.front();
  if (top.code == "truncated-copy" || top.code == "completed-later") {
    return top.message;
  }
  return "truncated: " + top.message + (a.cut_after.empty() ? "" : " (cut after '" + a.cut_after + "')");
}

// The suspicious-capture reason's message (a complete verdict lists it after the reasons for completeness).
std::string drop_reason_message(const analysis::Assessment& a) {
  for (const analysis::Reason& r : a.reasons) {
    if (r.code == "suspicious-capture") {
      return r.message;
    }
  }
  return a.reasons.front().message;
}

// The verdict of an observation: capture-error (an error or challenge page,
// whatever its truncation check says), else the truncation verdict.
std::string verdict_of(const LogEntry& e, const std::optional<std::string>& error) {
  return error ? std::string("capture-error")
               : std::string(analysis::verdict_name(e.document->checks[e.version].assessment.verdict));
}

void print_version(std::ostream& out, const store::Version& v, const analysis::VersionAssessment& check,
                   const std::optional<std::string>& error) {
  const store::Record& r = v.ingest;
  out << "v" << v.number << "  " << r.sha256.hex();
  if (error) {
    out << "  [capture-error]";
  } else if (check.assessment.verdict == analysis::Verdict::truncated) {
    out << "  [truncated]";
  }
  out << "\n";
  out << "  ingested   " << visible(r.ingested_at) << " by " << meta_text(r.ingested_by) << "\n";
  out << "  retrieved  " << meta_text(r.retrieved_at) << "\n";
  out << "  source     " << meta_text(r.source) << "\n";
  out << "  size       " << r.bytes << " bytes, " << r.words << " words\n";
  if (!r.title.empty()) {
    out << "  title      " << meta_text(r.title) << "\n";
  }
  if (error) {
    out << "  check      capture-error: " << visible(*error) << "\n";
  } else if (check.assessment.verdict == analysis::Verdict::truncated) {
    out << "  check      " << visible(check_line(check.assessment)) << "\n";
  } else if (check.prefix) {
    out << "  check      " << visible(analysis::prefix_message(*check.prefix)) << "\n";
  } else if (check.size_drop) {
    out << "  check      " << visible(drop_reason_message(check.assessment)) << "\n";
  }
}

// A later observation of a version already shown: a sighting, or the
// return of an older text.
void print_sighting(std::ostream& out, const LogEntry& e, const std::optional<std::string>& error) {
  const store::Version& v = e.document->versions[e.version];
  out << "v" << v.number << "  " << v.sha256.hex() << "  "
      << (e.kind == EntryKind::back ? "back (after v" + std::to_string(e.document->versions[*e.before].number) + ")"
                                    : std::string("seen again"))
      << "\n";
  out << "  ingested   " << visible(e.record->ingested_at) << " by " << meta_text(e.record->ingested_by) << "\n";
  out << "  retrieved  " << meta_text(e.record->retrieved_at) << "\n";
  out << "  source     " << meta_text(e.record->source) << "\n";
  if (error) {
    out << "  check      capture-error: " << visible(*error) << "\n";
  }
}

const char* kind_name(EntryKind kind) {
  switch (kind) {
    case EntryKind::first:
      return "new";
    case EntryKind::again:
      return "same";
    case EntryKind::back:
      return "back";
  }
  return "new";
}

// number, short SHA-256, date, what it was, words +/-, source, verdict.
void print_oneline(std::ostream& out, const LogEntry& e, bool with_doc, const std::optional<std::string>& error) {
  const store::Version& v = e.document->versions[e.version];
  out << (with_doc ? visible(e.document->doc) + "@" : std::string("v")) << v.number << "  " << short_sha(v.sha256, 8)
      << "  " << observed_text(*e.record).substr(0, 10) << "  " << kind_name(e.kind) << "  +" << e.words_added << " -"
      << e.words_removed << "  " << meta_text(e.record->source) << "  " << verdict_of(e, error) << "\n";
}

nlohmann::json entry_json(const LogEntry& e, const std::optional<std::string>& error) {
  const store::Version& v = e.document->versions[e.version];
  nlohmann::json object = {{"doc", e.document->doc},
                           {"version", v.number},
                           {"sha256", v.sha256.hex()},
                           {"kind", kind_name(e.kind)},
                           {"observed_at", observed_text(*e.record)},
                           {"retrieved_at", e.record->retrieved_at.empty() ? nlohmann::json(nullptr)
                                                                           : nlohmann::json(e.record->retrieved_at)},
                           {"ingested_at", e.record->ingested_at},
                           {"ingested_by", e.record->ingested_by},
                           {"source", e.record->source},
                           {"words_added", e.words_added},
                           {"words_removed", e.words_removed},
                           {"verdict", verdict_of(e, error)}};
  if (error) {
    object["capture_error"] = *error;  // present only for error pages: other entries stay as they were
  }
  return object;
}

bool filtered(const LogOptions& options) {
  return !options.filter.since.empty() || !options.filter.until.empty() || options.filter.limit > 0 ||
         !options.filter.phrase.empty();
}

// The version list of one document (the JSON of earlier releases).
void print_versions_json(std::ostream& out, const LoggedDocument& d) {
  nlohmann::json array = nlohmann::json::array();
  for (std::size_t i = 0; i < d.versions.size(); ++i) {
    nlohmann::json object = version_json(d.versions[i]);
    object["verdict"] = d.capture_errors[i] ? std::string("capture-error")
                                            : std::string(analysis::verdict_name(d.checks[i].assessment.verdict));
    if (d.capture_errors[i]) {
      object["capture_error"] = *d.capture_errors[i];
    }
    object["check"] = assessment_json(d.checks[i]);
    array.push_back(object);
  }
  write_json(out, array);
}

ExitCode run_log(Context& context, const LogOptions& options) {
  Format format = parse_format(options.format);
  std::vector<std::string> docs;
  if (!options.doc.empty()) {
    DocRef ref = parse_doc_ref(options.doc);
    if (!ref.rev.empty()) {
      throw UsageError("stet log takes a document id without @REV");
    }
    docs.push_back(ref.doc);
  }
  auto store = context.open_store();
  auto documents = load_documents(store, docs);
  std::ostream& out = *context.out;
  if (format == Format::json && !docs.empty() && !filtered(options)) {
    print_versions_json(out, *documents.front());
    return ExitCode::ok;
  }
  std::vector<LogEntry> entries = log_entries(store, documents, options.filter);
  bool oneline = options.oneline || docs.empty();
  if (format == Format::json || oneline) {
    fill_word_changes(store, entries);
  }
  if (format == Format::json) {
    nlohmann::json array = nlohmann::json::array();
    for (const LogEntry& e : entries) {
      array.push_back(entry_json(e, entry_capture_error(store, e)));
    }
    write_json(out, array);
    return ExitCode::ok;
  }
  if (!oneline) {
    const LoggedDocument& d = *documents.front();
    out << visible(d.doc) << ": " << plural(d.versions.size(), "version") << "\n";
  }
  for (const LogEntry& e : entries) {
    std::optional<std::string> error = entry_capture_error(store, e);
    if (oneline) {
      print_oneline(out, e, docs.empty(), error);
    } else if (e.kind == EntryKind::first) {
      print_version(out, e.document->versions[e.version], e.document->checks[e.version], error);
    } else {
      print_sighting(out, e, error);
    }
  }
  return ExitCode::ok;
}

}  // namespace

void add_log_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<LogOptions>();
  CLI::App* sub = app.add_subcommand(
      "log", "Show the observations of a document (or of the whole store) with their provenance, oldest first");
  sub->add_option("doc", options->doc, "Document id (default: every document, one line per observation)");
  sub->add_option("--format", options->format, "Output format: text or json");
  sub->add_option("--since", options->filter.since, "Only observations at or after this date or RFC 3339 time");
  sub->add_option("--until", options->filter.until,
                  "Only observations at or before this time (a plain date includes that whole day)");
  sub->add_option("-n,--max-count", options->filter.limit, "Only the latest N observations");
  sub->add_flag("--oneline", options->oneline,
                "One line per observation: number, short SHA-256, date, new/same/back, words +/-, source, verdict");
  sub->add_option("-S", options->filter.phrase,
                  "Only observations where the count of this phrase changed (case, quotes, dashes and line "
                  "breaks do not matter)");
  table.push_back({sub, [options](Context& context) { return run_log(context, *options); }});
}

}  // namespace stet::cli
