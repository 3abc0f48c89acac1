#include "cli/capture_input.hpp"
#include "cli/check_report.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "render/report_html.hpp"
#include "store/audit.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace stet::cli {

namespace {

struct ReportOptions {
  std::string doc;
  std::string output;  // empty or "-": standard output
  bool full = false;
};

// Written in one go once the page is complete, so a failure leaves no
// half page behind.
void write_page(const std::string& path, const std::string& page) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    throw UsageError(path + ": cannot be written");
  }
  file << page;
  file.close();
  if (!file) {
    throw UsageError(path + ": cannot be written");
  }
}

ExitCode run_report(Context& context, const ReportOptions& options) {
  DocRef ref = parse_doc_ref(options.doc);
  if (!ref.rev.empty()) {
    throw UsageError("stet report takes a document id without @REV");
  }
  if (!options.output.empty() && options.output != "-" && std::filesystem::is_directory(options.output)) {
    throw UsageError(options.output + ": is a folder, not a file");
  }
  auto store = context.open_store();
  ReportInput input;
  input.doc = ref.doc;
  input.versions = require_history(store, ref.doc);
  input.texts = load_version_texts(store, ref.doc, input.versions);
  input.checks = assess_texts(store, ref.doc, input.texts);
  for (std::size_t i = 0; i < input.versions.size(); ++i) {
    input.capture_errors.push_back(capture_error_of(input.versions[i].ingest, input.texts[i].text));
  }
  store::AuditOptions audit;
  audit.docs = {ref.doc};
  input.audit = store::audit_store(context.store_path(), audit);
  input.generated_at = context.now_utc();
  input.generator = std::string("stet ") + STET_VERSION;
  input.full = options.full;
  std::ostringstream page;
  write_report_html(page, input);
  if (options.output.empty() || options.output == "-") {
    *context.out << page.str();
  } else {
    write_page(options.output, page.str());
  }
  return ExitCode::ok;
}

}  // namespace

void add_report_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* sub = app.add_subcommand(
      "report", "Write one self-contained HTML page of a document's history: versions, truncation, word diffs");
  sub->add_option("doc", options->doc, "Document id")->required();
  sub->add_option("-o,--output", options->output, "Write the page to this file (default: standard output)");
  sub->add_flag("--full", options->full,
                "Show every diff with all its unchanged text (default: collapsed to the changes)");
  table.push_back({sub, [options](Context& context) { return run_report(context, *options); }});
}

}  // namespace stet::cli
