#include "analysis/text_form.hpp"
#include "cli/check_report.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/input_files.hpp"
#include "cli/render.hpp"
#include "cli/visible.hpp"
#include "store/document_id.hpp"
#include "store/identity.hpp"
#include "store/timestamp.hpp"

#include <CLI/CLI.hpp>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
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
    r.doc = ids[i];
    r.normalized_sha256 = store::sha256(analysis::normalized_text(inputs[i].content));
    r.words = analysis::count_words(inputs[i].content);
    r.source = options.source;
    r.retrieved_at = options.retrieved;
    // ingested_at is stamped by the store while it holds the lock.
    r.ingested_by = author;
    r.title = options.title.empty() ? analysis::first_line_title(inputs[i].content) : options.title;
    r.stet_version = STET_VERSION;
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
      std::vector<analysis::VersionText> alone{{1, o.sha256.hex(), items[i].content}};
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
  // Standard input has no file name to make an id from; filing everything
  // under one made-up id ("stdin") would mix unrelated texts. Refused
  // before anything is read.
  if (options.docs.empty() && std::find(options.files.begin(), options.files.end(), "-") != options.files.end()) {
    throw UsageError("standard input (-) has no file name to make a document id from: give one with --doc ID");
  }
  auto inputs = read_inputs(options.files, options.split, *context.env);
  auto items = build_items(options, context, inputs);
  auto store = context.open_or_create_store();
  auto outcomes = store.ingest(items, [&context] { return context.now_utc(); });
  auto verdicts = new_version_verdicts(store, outcomes, items);
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
                       {"verdict", verdicts[i] ? nlohmann::json(analysis::verdict_name(verdicts[i]->assessment.verdict))
                                               : nlohmann::json(nullptr)},
                       {"check", verdicts[i] ? assessment_json(*verdicts[i]) : nlohmann::json(nullptr)}});
    } else {
      *context.out << visible(o.doc) << "@" << o.version << "  " << short_sha(o.sha256) << "  " << status;
      if (verdicts[i]) {
        *context.out << "  " << visible(verdict_summary(verdicts[i]->assessment));
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
  sub->add_option("files", options->files, "Files to ingest; - reads standard input")->required();
  sub->add_option("--doc", options->docs, "Document id, one per document in order (default: from the file name)");
  sub->add_option("--source", options->source, "Where the text was published (URL or free text)");
  sub->add_option("--retrieved", options->retrieved, "When it was retrieved (RFC 3339)");
  sub->add_option("--title", options->title, "Title (default: the first non-empty line)");
  sub->add_option("--author", options->author, "Who ingests (default: $STET_AUTHOR, git's, or the user name)");
  sub->add_flag("--split", options->split, "Cut each file into documents at lines of five or more '='");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_ingest(context, *options); }});
}

}  // namespace stet::cli
