#include "analysis/phrase_search.hpp"
#include "cli/capture_input.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/format_option.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"
#include "store/timeline.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct GrepOptions {
  std::string phrase;
  std::vector<std::string> docs;
  bool ever = false;
  std::string format = "text";
};

struct Hit {
  std::string doc;
  int version = 0;
  std::string sha256;
  std::size_t line = 0;  // 1-based
  std::string text;
};

// The versions of `doc` to search: the latest state, or every version.
std::vector<std::size_t> searched_versions(const std::vector<store::Version>& versions, bool ever) {
  if (!ever) {
    return {store::latest_index(versions)};
  }
  std::vector<std::size_t> all(versions.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i] = i;
  }
  return all;
}

void grep_document(const store::ContentStore& store, const std::string& doc, const std::string& folded, bool ever,
                   std::vector<Hit>& hits) {
  std::vector<store::Version> versions = require_history(store, doc);
  for (std::size_t index : searched_versions(versions, ever)) {
    const store::Version& v = versions[index];
    std::string text = version_text(store, doc, v);
    std::vector<std::string_view> lines = analysis::text_lines(text);
    for (std::size_t line : analysis::matching_lines(text, folded)) {
      hits.push_back({doc, v.number, v.sha256.hex(), line + 1, std::string(lines[line])});
    }
  }
}

ExitCode run_grep(Context& context, const GrepOptions& options) {
  Format format = parse_format(options.format);
  std::string folded = analysis::searchable_text(options.phrase);
  if (folded.empty()) {
    throw UsageError("grep needs a phrase with at least one word");
  }
  auto store = context.open_store();
  std::vector<std::string> docs;
  for (const std::string& arg : options.docs) {
    DocRef ref = parse_doc_ref(arg);
    if (!ref.rev.empty()) {
      throw UsageError("stet grep takes document ids without @REV (use --ever for every version)");
    }
    docs.push_back(ref.doc);
  }
  if (docs.empty()) {
    for (const store::DocumentSummary& d : store.documents()) {
      docs.push_back(d.id);
    }
  }
  std::vector<Hit> hits;
  for (const std::string& doc : docs) {
    grep_document(store, doc, folded, options.ever, hits);
  }
  if (format == Format::json) {
    nlohmann::json array = nlohmann::json::array();
    for (const Hit& h : hits) {
      array.push_back(
          {{"doc", h.doc}, {"version", h.version}, {"sha256", h.sha256}, {"line", h.line}, {"text", h.text}});
    }
    write_json(*context.out, array);
  } else {
    for (const Hit& h : hits) {
      *context.out << visible(h.doc) << "@" << h.version << ":" << h.line << ": " << visible(h.text) << "\n";
    }
  }
  return hits.empty() ? ExitCode::differences : ExitCode::ok;
}

}  // namespace

void add_grep_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<GrepOptions>();
  CLI::App* sub = app.add_subcommand(
      "grep", "Find a phrase in the latest versions (or every version) of documents; exit 1 when nothing matches");
  sub->add_option("phrase", options->phrase, "The words to find (case, quotes, dashes and line breaks do not matter)")
      ->required();
  sub->add_option("docs", options->docs, "Documents to search (default: every document)");
  sub->add_flag("--ever", options->ever, "Search every version, not only the latest");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_grep(context, *options); }});
}

}  // namespace stet::cli
