#include "analysis/text_form.hpp"
#include "cli/check_report.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/input_files.hpp"
#include "cli/render.hpp"
#include "cli/warc_input.hpp"
#include "store/document_id.hpp"
#include "store/identity.hpp"
#include "store/timestamp.hpp"

#include <CLI/CLI.hpp>

#include <pwd.h>
#include <unistd.h>

#include <map>
#include <optional>
#include <ostream>

namespace stet::cli {

namespace {

struct IngestOptions {
  std::vector<std::string> files;
  std::vector<std::string> docs;
  std::string source;
  std::string retrieved;
  std::string title;
  std::string author;
  bool split = false;
  std::string text_mode = "visible";
  std::string warc;
  std::string doc_prefix;
  std::string format = "text";
};

// --author, else $STET_AUTHOR, else git's user.name/user.email, else the
// login name.
std::string default_author(const Environment& env) {
  if (auto value = env.getenv("STET_AUTHOR"); value && !value->empty()) {
    return *value;
  }
  if (auto identity = store::git_identity()) {
    return *identity;
  }
  for (const char* name : {"USER", "LOGNAME"}) {
    if (auto value = env.getenv(name); value && !value->empty()) {
      return *value;
    }
  }
  if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  return "unknown";
}

std::vector<std::string> assign_ids(const IngestOptions& options, const std::vector<InputDocument>& inputs) {
  if (!options.docs.empty() && options.docs.size() != inputs.size()) {
    throw UsageError("got " + std::to_string(options.docs.size()) + " --doc ids for " +
                     std::to_string(inputs.size()) + " documents; give one per document or none");
  }
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::string id = options.docs.empty() ? inputs[i].stem : options.docs[i];
    if (id.empty()) {
      throw UsageError(inputs[i].origin + ": cannot derive a document id from this file name; give one with --doc");
    }
    if (auto problem = store::document_id_problem(id)) {
      throw UsageError(*problem);
    }
    ids.push_back(id);
  }
  return ids;
}

// The provenance a web archive records for a capture.
void set_web_fields(store::Record& r, const WebOrigin& web) {
  r.source = web.uri;
  if (store::parse_rfc3339(web.date)) {
    r.retrieved_at = web.date;
  }
  r.http_status = web.http_status;
  r.content_type = web.content_type;
  r.warc_record_id = web.record_id;
  r.warc_file = web.file;
  r.warc_file_sha256 = web.file_sha256;
  r.warc_truncated = web.truncated;
}

// The inputs: files, or the captures of one web archive.
std::vector<InputDocument> gather_inputs(Context& context, const IngestOptions& options) {
  capture::TextMode mode = parse_text_mode(options.text_mode);
  if (options.warc.empty()) {
    if (options.files.empty()) {
      throw UsageError("give files to ingest, or --warc FILE");
    }
    if (!options.doc_prefix.empty()) {
      throw UsageError("--doc-prefix works with --warc only");
    }
    return read_inputs(options.files, options.split, *context.env, mode);
  }
  if (!options.files.empty() || !options.docs.empty() || options.split) {
    throw UsageError("--warc takes no other files, --doc or --split (ids come from the URIs; see --doc-prefix)");
  }
  WarcInputs warc = read_warc_inputs(options.warc, options.doc_prefix, mode);
  for (const std::string& warning : warc.warnings) {
    *context.err << "stet: warning: " << warning << "\n";
  }
  if (warc.inputs.empty()) {
    throw UsageError(options.warc + ": holds no text or HTML captures (" + std::to_string(warc.skipped) +
                     " other records)");
  }
  return std::move(warc.inputs);
}

std::vector<store::IngestItem> build_items(const IngestOptions& options, Context& context,
                                           std::vector<InputDocument>& inputs) {
  if (!options.retrieved.empty() && !store::parse_rfc3339(options.retrieved)) {
    throw UsageError("invalid --retrieved '" + options.retrieved + "': expected RFC 3339, e.g. 2014-03-17T12:00:00Z");
  }
  std::vector<std::string> ids = assign_ids(options, inputs);
  std::string author = options.author.empty() ? default_author(*context.env) : options.author;
  std::vector<store::IngestItem> items;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    store::IngestItem item;
    store::Record& r = item.record;
    const CapturedText& captured = inputs[i].captured;
    r.doc = ids[i];
    r.normalized_sha256 = store::sha256(analysis::normalized_text(captured.text));
    r.words = analysis::count_words(captured.text);
    r.source = options.source;
    r.retrieved_at = options.retrieved;
    // ingested_at is stamped by the store while it holds the lock.
    r.ingested_by = author;
    r.title = !options.title.empty()           ? options.title
              : !captured.capture.title.empty() ? captured.capture.title
                                                : analysis::first_line_title(captured.text);
    r.stet_version = STET_VERSION;
    set_capture_fields(r, captured);
    if (const auto& web = inputs[i].web) {
      set_web_fields(r, *web);
    }
    if (captured.capture.has_text_form) {
      item.text = captured.text;
    }
    item.content = std::move(inputs[i].content);
    items.push_back(std::move(item));
  }
  return items;
}

// The truncation verdict of each new version, against its document's
// other versions (see stet check); null for unchanged inputs. A document
// whose only version is the one just added is judged on the bytes in
// memory: reading its history and content back from the store would tell
// nothing more (a large batch of new documents spent a third of its time
// doing that).
std::vector<std::optional<analysis::VersionAssessment>> new_version_verdicts(
    const store::ContentStore& store, const std::vector<store::IngestOutcome>& outcomes,
    const std::vector<store::IngestItem>& items) {
  std::map<std::string, std::size_t> per_doc;
  for (const store::IngestOutcome& o : outcomes) {
    ++per_doc[o.doc];
  }
  std::map<std::string, std::vector<analysis::VersionText>> texts;
  std::vector<std::optional<analysis::VersionAssessment>> verdicts;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const store::IngestOutcome& o = outcomes[i];
    if (o.status != store::IngestStatus::added) {
      verdicts.emplace_back();
      continue;
    }
    if (o.version == 1 && !o.previous && per_doc[o.doc] == 1) {
      std::vector<analysis::VersionText> alone{{1, o.sha256.hex(), items[i].text.value_or(items[i].content)}};
      verdicts.emplace_back(analysis::assess_version(alone, 0));
      continue;
    }
    auto it = texts.find(o.doc);
    if (it == texts.end()) {
      it = texts.emplace(o.doc, load_version_texts(store, o.doc, require_history(store, o.doc))).first;
    }
    verdicts.emplace_back(analysis::assess_version(it->second, static_cast<std::size_t>(o.version - 1)));
  }
  return verdicts;
}

ExitCode run_ingest(Context& context, const IngestOptions& options) {
  Format format = parse_format(options.format);
  auto inputs = gather_inputs(context, options);
  auto items = build_items(options, context, inputs);
  auto store = context.open_or_create_store();
  auto outcomes = store.ingest(items, [&context] { return context.now_utc(); });
  auto verdicts = new_version_verdicts(store, outcomes, items);
  std::vector<std::optional<std::string>> errors;
  for (const store::IngestItem& item : items) {
    errors.push_back(capture_error_of(item.record, item.text.value_or(item.content)));
  }
  nlohmann::json array = nlohmann::json::array();
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const store::IngestOutcome& o = outcomes[i];
    const char* status = o.status == store::IngestStatus::added ? "new" : "unchanged";
    if (format == Format::json) {
      array.push_back({{"id", o.doc},
                       {"version", o.version},
                       {"sha256", o.sha256.hex()},
                       {"status", status},
                       {"input", inputs[i].origin},
                       {"previous", o.previous ? nlohmann::json(o.previous->hex()) : nlohmann::json(nullptr)},
                       {"verdict", errors[i]     ? nlohmann::json("capture-error")
                                   : verdicts[i] ? nlohmann::json(analysis::verdict_name(verdicts[i]->assessment.verdict))
                                                 : nlohmann::json(nullptr)},
                       {"check", verdicts[i] ? assessment_json(*verdicts[i]) : nlohmann::json(nullptr)}});
      if (errors[i]) {
        array.back()["capture_error"] = *errors[i];  // present only for error pages: other outputs stay as they were
      }
    } else {
      *context.out << o.doc << "@" << o.version << "  " << short_sha(o.sha256) << "  " << status;
      if (errors[i]) {
        *context.out << "  capture-error (" << *errors[i] << ")";
      } else if (verdicts[i]) {
        *context.out << "  " << verdict_summary(verdicts[i]->assessment);
      }
      *context.out << "\n";
    }
  }
  if (format == Format::json) {
    write_json(*context.out, array);
  }
  return ExitCode::ok;
}

}  // namespace

void add_ingest_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* sub = app.add_subcommand("ingest", "Record files (or - for standard input) as versions of documents");
  sub->add_option("files", options->files, "Files to ingest; - reads standard input");
  sub->add_option("--warc", options->warc,
                  "Ingest every text/HTML capture of a web archive (.warc, .warc.gz or .wacz)");
  sub->add_option("--doc-prefix", options->doc_prefix, "With --warc: prefix of the document ids made from URIs");
  // One value per --doc: the files positional is optional now (--warc), so
  // a greedy vector option would swallow the file names.
  sub->add_option("--doc", options->docs, "Document id, one per document in order (default: from the file name)")
      ->allow_extra_args(false);
  sub->add_option("--source", options->source, "Where the text was published (URL or free text)");
  sub->add_option("--retrieved", options->retrieved, "When it was retrieved (RFC 3339)");
  sub->add_option("--title", options->title, "Title (default: the first non-empty line)");
  sub->add_option("--author", options->author, "Who ingests (default: $STET_AUTHOR, git's, or the user name)");
  sub->add_flag("--split", options->split, "Cut each file into documents at lines of five or more '='");
  sub->add_option("--text-mode", options->text_mode,
                  "Text form of HTML pages: visible (all visible text, default) or main (the main content)");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_ingest(context, *options); }});
}

}  // namespace stet::cli
