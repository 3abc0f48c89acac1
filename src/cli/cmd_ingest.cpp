#include "analysis/text_form.hpp"
#include "cli/check_report.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/format_option.hpp"
#include "cli/ingest_batch.hpp"
#include "cli/input_files.hpp"
#include "cli/warc_input.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"
#include "store/document_id.hpp"
#include "store/identity.hpp"
#include "store/timestamp.hpp"
#include "text/tokens.hpp"

#include <CLI/CLI.hpp>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <string_view>
#include <tuple>
#include <unordered_map>

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
  std::string manifest;
  bool skip_bad = false;
  std::string text_mode = "visible";
  std::string warc;
  std::string doc_prefix;
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

// One --doc per input, or one --doc for several files (successive versions
// of that document, in argument order), or ids from the file names.
std::vector<std::string> assign_ids(const IngestOptions& options, const std::vector<InputDocument>& inputs) {
  bool one_for_all = options.docs.size() == 1 && !options.split;
  if (!options.docs.empty() && options.docs.size() != inputs.size() && !one_for_all) {
    throw UsageError("got " + std::to_string(options.docs.size()) + " --doc ids for " + std::to_string(inputs.size()) +
                     " documents; give one per document, one for all, or none");
  }
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::string id = options.docs.empty() ? inputs[i].stem : options.docs[one_for_all ? 0 : i];
    if (id.empty()) {
      throw UsageError(inputs[i].origin + ": cannot derive a document id from this file name; give one with --doc");
    }
    if (auto problem = store::document_id_problem(id)) {
      throw UsageError(*problem);
    }
    ids.push_back(id);
  }
  if (options.docs.empty()) {
    refuse_clashing_stems(inputs, ids, std::vector<bool>(inputs.size(), false));
  }
  return ids;
}

InputMeta default_meta(const IngestOptions& options, const Context& context) {
  return {"", options.source, options.retrieved.empty() ? "" : checked_retrieved(options.retrieved, context.env->now()),
          options.title, options.author.empty() ? default_author(*context.env) : options.author};
}

// The inputs named on the command line, each with the call's provenance.
Batch plain_batch(const IngestOptions& options, const Context& context) {
  if (!options.doc_prefix.empty()) {
    throw UsageError("--doc-prefix works with --warc only");
  }
  InputMeta defaults = default_meta(options, context);
  Batch batch;
  batch.inputs = read_inputs(options.files, options.split, *context.env, parse_text_mode(options.text_mode));
  for (const std::string& id : assign_ids(options, batch.inputs)) {
    InputMeta meta = defaults;
    meta.doc = id;
    batch.metas.push_back(std::move(meta));
  }
  return batch;
}

// The captures of one web archive: ids from the URIs, provenance from the
// archive (set_web_fields), the call's --title and --author.
Batch warc_batch(const IngestOptions& options, const Context& context) {
  if (!options.files.empty() || !options.docs.empty() || options.split || !options.manifest.empty()) {
    throw UsageError(
        "--warc takes no other files, --doc, --split or --manifest (ids come from the URIs; see --doc-prefix)");
  }
  WarcInputs warc = read_warc_inputs(options.warc, options.doc_prefix, parse_text_mode(options.text_mode));
  for (const std::string& warning : warc.warnings) {
    *context.err << "stet: warning: " << warning << "\n";
  }
  if (warc.inputs.empty()) {
    throw UsageError(options.warc + ": holds no text or HTML captures (" + std::to_string(warc.skipped) +
                     " other records)");
  }
  InputMeta defaults = default_meta(options, context);
  Batch batch;
  batch.inputs = std::move(warc.inputs);
  for (const InputDocument& input : batch.inputs) {
    InputMeta meta = defaults;
    meta.doc = input.stem;
    batch.metas.push_back(std::move(meta));
  }
  return batch;
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

// The rows of --manifest. Bad rows refuse the call unless --skip-bad.
Batch manifest_batch(const IngestOptions& options, const Context& context) {
  if (!options.files.empty() || !options.docs.empty() || options.split) {
    throw UsageError("--manifest cannot be combined with files, --doc or --split");
  }
  std::ostream* progress = context.env->err_is_terminal ? context.err : nullptr;
  Batch batch = read_manifest_batch(options.manifest, default_meta(options, context), *context.env, progress);
  if (!batch.bad.empty() && !options.skip_bad) {
    throw UsageError(describe_bad(batch.bad, options.manifest));
  }
  std::vector<std::string> ids;
  std::vector<bool> explicit_id;
  for (std::size_t i = 0; i < batch.inputs.size(); ++i) {
    explicit_id.push_back(!batch.metas[i].doc.empty());
    if (batch.metas[i].doc.empty()) {
      batch.metas[i].doc = batch.inputs[i].stem;
    }
    ids.push_back(batch.metas[i].doc);
  }
  refuse_clashing_stems(batch.inputs, ids, explicit_id);
  return batch;
}

std::vector<store::IngestItem> build_items(Batch& batch) {
  std::vector<store::IngestItem> items;
  // The normalized hash and word count of each distinct text, computed
  // once: a web archive holds the same page many times over.
  std::unordered_map<std::string_view, std::pair<store::Digest, std::size_t>> measured;
  for (std::size_t i = 0; i < batch.inputs.size(); ++i) {
    const InputMeta& meta = batch.metas[i];
    InputDocument& input = batch.inputs[i];
    const CapturedText& captured = input.captured;
    store::IngestItem item;
    store::Record& r = item.record;
    r.doc = meta.doc;
    auto found = measured.find(captured.text);
    if (found == measured.end()) {
      found = measured
                  .emplace(captured.text, std::pair{store::sha256(analysis::normalized_text(captured.text)),
                                                    text::word_count(captured.text)})
                  .first;
    }
    r.normalized_sha256 = found->second.first;
    r.words = found->second.second;
    r.source = meta.source;
    r.retrieved_at = meta.retrieved;
    // ingested_at is stamped by the store while it holds the lock.
    r.ingested_by = meta.author;
    r.title = !meta.title.empty()               ? meta.title
              : !captured.capture.title.empty() ? captured.capture.title
                                                : analysis::first_line_title(captured.text);
    r.stet_version = STET_VERSION;
    set_capture_fields(r, captured);
    if (input.web) {
      set_web_fields(r, *input.web);
    }
    if (captured.capture.has_text_form) {
      item.text = captured.text;
    }
    item.content = std::move(input.content);
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
  // A document with several new versions in this call (a back-fill) is
  // judged in one pass that splits each text once.
  std::map<std::string, std::vector<analysis::VersionAssessment>> all_judged;
  std::map<std::string, std::size_t> added_per_doc;
  for (const store::IngestOutcome& o : outcomes) {
    added_per_doc[o.doc] += o.status == store::IngestStatus::added ? 1 : 0;
  }
  std::map<std::pair<store::Digest, std::string_view>, analysis::VersionAssessment> alone_judged;
  std::vector<std::optional<analysis::VersionAssessment>> verdicts;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const store::IngestOutcome& o = outcomes[i];
    if (o.status != store::IngestStatus::added) {
      verdicts.emplace_back();
      continue;
    }
    if (o.version == 1 && !o.previous && per_doc[o.doc] == 1) {
      // Judged on its bytes and text alone, so equal ones (the same page
      // under several URIs) get one judgement.
      std::string_view text = items[i].text ? std::string_view(*items[i].text) : std::string_view(items[i].content);
      auto judged = alone_judged.find({o.sha256, text});
      if (judged == alone_judged.end()) {
        std::vector<analysis::VersionText> alone{{1, o.sha256.hex(), std::string(text)}};
        judged = alone_judged.emplace(std::pair{o.sha256, text}, analysis::assess_version(alone, 0)).first;
      }
      verdicts.emplace_back(judged->second);
      continue;
    }
    auto it = texts.find(o.doc);
    if (it == texts.end()) {
      it = texts.emplace(o.doc, load_version_texts(store, o.doc, require_history(store, o.doc))).first;
    }
    auto index = static_cast<std::size_t>(o.version - 1);
    if (added_per_doc[o.doc] > 1) {
      auto judged = all_judged.find(o.doc);
      if (judged == all_judged.end()) {
        judged = all_judged.emplace(o.doc, analysis::assess_versions(it->second)).first;
      }
      verdicts.emplace_back(judged->second[index]);
    } else {
      verdicts.emplace_back(analysis::assess_version(it->second, index));
    }
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
  if (options.skip_bad && options.manifest.empty()) {
    throw UsageError("--skip-bad needs --manifest");
  }
  if (options.files.empty() && options.manifest.empty() && options.warc.empty()) {
    throw UsageError("give files to ingest, - for standard input, --manifest FILE or --warc FILE");
  }
  Batch batch = !options.warc.empty()       ? warc_batch(options, context)
                : !options.manifest.empty() ? manifest_batch(options, context)
                                            : plain_batch(options, context);
  for (const BadInput& bad : batch.bad) {
    *context.err << "stet: skipped line " << bad.line << (bad.path.empty() ? "" : " (" + bad.path + ")") << ": "
                 << bad.reason << "\n";
  }
  ExitCode done = batch.bad.empty() ? ExitCode::ok : ExitCode::differences;
  if (batch.inputs.empty()) {
    return done;
  }
  const std::vector<InputDocument>& inputs = batch.inputs;
  auto items = build_items(batch);
  auto store = context.open_or_create_store();
  auto outcomes = store.ingest(items, [&context] { return context.now_utc(); });
  auto verdicts = new_version_verdicts(store, outcomes, items);
  std::vector<std::optional<std::string>> errors;
  // What capture_error_of reads (status, title, text), once per distinct value.
  std::map<std::tuple<std::optional<int>, std::string_view, std::string_view>, std::optional<std::string>> error_of;
  for (const store::IngestItem& item : items) {
    std::string_view text = item.text ? std::string_view(*item.text) : std::string_view(item.content);
    auto key = std::tuple{item.record.http_status, std::string_view(item.record.title), text};
    auto found = error_of.find(key);
    if (found == error_of.end()) {
      found = error_of.emplace(key, capture_error_of(item.record, text)).first;
    }
    errors.push_back(found->second);
  }
  nlohmann::json array = nlohmann::json::array();
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const store::IngestOutcome& o = outcomes[i];
    const char* status = o.status == store::IngestStatus::added ? "new" : "unchanged";
    if (format == Format::json) {
      array.push_back(
          {{"id", o.doc},
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
      *context.out << visible(o.doc) << "@" << o.version << "  " << short_sha(o.sha256) << "  " << status;
      if (errors[i]) {
        *context.out << "  capture-error (" << visible(*errors[i]) << ")";
      } else if (verdicts[i]) {
        *context.out << "  " << visible(verdict_summary(verdicts[i]->assessment));
      }
      *context.out << "\n";
    }
  }
  if (format == Format::json) {
    write_json(*context.out, array);
  }
  return done;
}

}  // namespace

void add_ingest_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* sub = app.add_subcommand("ingest", "Record files (or - for standard input) as versions of documents");
  sub->add_option("files", options->files, "Files to ingest; - reads standard input");
  sub->add_option("--warc", options->warc,
                  "Ingest every text/HTML capture of a web archive (.warc, .warc.gz or .wacz)");
  sub->add_option("--doc-prefix", options->doc_prefix, "With --warc: prefix of the document ids made from URIs");
  sub->add_option("--doc", options->docs,
                  "Document id, one per document in order, or one for several files (successive versions); "
                  "default: from the file name")
      ->allow_extra_args(false);
  sub->add_option("--manifest", options->manifest,
                  "CSV (with a header) or JSON Lines: path, doc, source, retrieved, title, author per row");
  sub->add_flag("--skip-bad", options->skip_bad, "With --manifest: record the good rows, list the bad ones, exit 1");
  sub->add_option("--source", options->source, "Where the text was published (URL or free text)");
  sub->add_option("--retrieved", options->retrieved, "When it was retrieved (RFC 3339 or a date such as 2014-03-17)");
  sub->add_option("--title", options->title, "Title (default: the first non-empty line)");
  sub->add_option("--author", options->author, "Who ingests (default: $STET_AUTHOR, git's, or the user name)");
  sub->add_flag("--split", options->split, "Cut each file into documents at lines of five or more '='");
  sub->add_option("--text-mode", options->text_mode,
                  "Text form of HTML pages: visible (all visible text, default) or main (the main content)");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_ingest(context, *options); }});
}

}  // namespace stet::cli
