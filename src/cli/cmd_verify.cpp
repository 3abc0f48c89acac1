#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/verify_file.hpp"
#include "cli/verify_note.hpp"
#include "cli/verify_text.hpp"
#include "render/audit_render.hpp"
#include "render/render.hpp"
#include "store/checkpoint.hpp"
#include "store/document_id.hpp"
#include "store/error.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iterator>
#include <ostream>
#include <set>

namespace stet::cli {

namespace {

struct VerifyOptions {
  std::vector<std::string> docs;
  std::vector<std::string> files;
  std::string checkpoint;
  std::string key;
  std::vector<std::string> witness_keys;
  std::string format = "text";
};

std::string read_text_file(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError(std::string("cannot read ") + what + " " + path);
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool is_json_checkpoint(const std::string& bytes) {
  auto first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string::npos && bytes[first] == '{';
}

// A format 1 (JSON) checkpoint: the commit it names and the Merkle root of
// that commit's records in ingest order.
void add_checkpoint_findings(const VerifyOptions& options, const std::string& bytes, const std::filesystem::path& store,
                             store::AuditReport& report) {
  if (!options.witness_keys.empty()) {
    throw UsageError("--witness-key needs a checkpoint note (format 1 JSON checkpoints have no cosignatures)");
  }
  store::Checkpoint checkpoint;
  try {
    checkpoint = store::checkpoint_from_json(bytes);
  } catch (const store::InvalidInputError& e) {
    throw UsageError(options.checkpoint + ": " + e.what());
  }
  std::optional<std::string> key;
  if (!options.key.empty()) {
    key = read_text_file(options.key, "public key");
  }
  std::vector<store::Finding> findings;
  try {
    findings = store::verify_checkpoint(store, checkpoint, key);
  } catch (const store::InvalidInputError& e) {
    throw UsageError(options.key + ": " + e.what());
  }
  report.findings.insert(report.findings.end(), findings.begin(), findings.end());
  report.not_proven.erase(report.not_proven.begin());
  report.not_proven.insert(report.not_proven.begin(), "anything about the history after checkpoint " +
                                                          checkpoint.created_at +
                                                          " beyond what this run read: keep taking checkpoints");
  if (!checkpoint.signature) {
    report.not_proven.push_back("that the checkpoint itself is genuine: it is not signed");
  } else if (!key) {
    report.not_proven.push_back("who signed the checkpoint: pass --key with the signer's public key");
  }
}

// A document the store has never held is a mistake in the call, not a
// clean result. A store too damaged to list is left to the audit to report.
void require_known_documents(const Context& context, const std::vector<std::string>& docs) {
  if (docs.empty()) {
    return;
  }
  std::set<std::string> known;
  try {
    for (const store::DocumentSummary& d : context.open_store().documents()) {
      known.insert(d.id);
    }
  } catch (const store::Error&) {
    return;
  }
  for (const std::string& doc : docs) {
    if (!known.contains(doc)) {
      throw UsageError("unknown document '" + doc + "' (see stet list)");
    }
  }
}

ExitCode run_verify(Context& context, const VerifyOptions& options) {
  Format format = parse_format(options.format);
  if (!options.files.empty()) {
    if (!options.docs.empty() || !options.checkpoint.empty()) {
      throw UsageError("--file cannot be combined with documents or --checkpoint");
    }
    return verify_files(context, options.files, format);
  }
  if ((!options.key.empty() || !options.witness_keys.empty()) && options.checkpoint.empty()) {
    throw UsageError("--key and --witness-key need --checkpoint");
  }
  for (const std::string& doc : options.docs) {
    if (auto problem = store::document_id_problem(doc)) {
      throw UsageError(*problem);
    }
  }
  require_known_documents(context, options.docs);
  store::AuditOptions audit;
  audit.docs = options.docs;
  bool show_progress = context.env->err_is_terminal;
  std::ostream& err = *context.err;
  if (show_progress) {
    audit.progress = [&err](const store::AuditProgress& p) {
      err << "\rstet verify: " << p.phase << " " << p.done << "/" << p.total << "   " << std::flush;
    };
  }
  auto path = context.store_path();
  store::AuditReport report = store::audit_store(path, audit);
  if (show_progress) {
    err << "\r\033[K" << std::flush;
  }
  add_text_form_findings(path, options.docs, report);
  std::vector<std::string> proven;
  if (!options.checkpoint.empty()) {
    std::string bytes = read_text_file(options.checkpoint, "checkpoint");
    if (is_json_checkpoint(bytes)) {
      add_checkpoint_findings(options, bytes, path, report);
    } else {
      std::optional<std::string> key;
      if (!options.key.empty()) {
        key = options.key;
      }
      proven = check_note_checkpoint(path, options.checkpoint, bytes, key, options.witness_keys, report);
    }
  }
  if (format == Format::json) {
    nlohmann::json j = audit_json(report);
    if (!options.checkpoint.empty()) {
      j["checkpoint_proven"] = proven;
    }
    write_json(*context.out, j);
  } else {
    write_audit_text(*context.out, report);
    for (const std::string& line : proven) {
      *context.out << "checkpoint: " << line << "\n";
    }
  }
  return report.findings.empty() ? ExitCode::ok : ExitCode::differences;
}

}  // namespace

void add_verify_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<VerifyOptions>();
  CLI::App* sub = app.add_subcommand(
      "verify", "Re-check every version and the history of the store (exit 0 clean, 1 findings, 2 trouble)");
  sub->add_option("docs", options->docs, "Only these documents (default: the whole store)");
  sub->add_option("--file", options->files, "Tell whether each file is exactly a recorded version")->expected(1, -1);
  sub->add_option("--checkpoint", options->checkpoint, "Also prove the store still holds this checkpoint's history");
  sub->add_option("--key", options->key,
                  "The log's verifier key (name+keyid+key, or a file holding it; PEM for JSON checkpoints)");
  sub->add_option("--witness-key", options->witness_keys, "A witness's verifier key whose cosignature is required");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_verify(context, *options); }});
}

}  // namespace stet::cli
