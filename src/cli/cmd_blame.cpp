#include "analysis/blame.hpp"
#include "cli/capture_input.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/format_option.hpp"
#include "cli/log_entries.hpp"
#include "cli/revision.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"

#include <CLI/CLI.hpp>

#include <iomanip>
#include <optional>
#include <ostream>
#include <set>

namespace stet::cli {

namespace {

struct BlameOptions {
  std::string doc;
  std::string format = "text";
};

struct Blamed {
  std::vector<store::Version> versions;
  std::vector<std::optional<std::string>> texts;  // kept alive for the Blamer
  std::size_t target = 0;
  std::vector<analysis::BlameRun> runs;
};

// Replays the states up to the first appearance of the version `rev` names.
Blamed blame(const store::ContentStore& store, const DocRef& ref) {
  Blamed b;
  b.versions = require_history(store, ref.doc);
  b.target = resolve_revision_index(b.versions, ref.doc, ref.rev);
  b.texts.resize(b.versions.size());
  analysis::Blamer blamer;
  for (const State& state : states_of(b.versions)) {
    if (!b.texts[state.version]) {
      b.texts[state.version] = version_text(store, ref.doc, b.versions[state.version]);
    }
    blamer.add(state.version, *b.texts[state.version]);
    if (state.version == b.target) {
      break;
    }
  }
  b.runs = blamer.runs(b.target);
  return b;
}

// Appended rather than `"v" + std::to_string(...)`: g++ 12 at -O3 reports a
// false -Wstringop-overflow inside that operator+ (GCC bug 105329).
std::string label(const store::Version& v) {
  std::string out = "v";
  out += std::to_string(v.number);
  return out;
}

void print_text(std::ostream& out, const std::string& doc, const Blamed& b) {
  const std::string& text = *b.texts[b.target];
  std::set<std::size_t> origins;
  for (const analysis::BlameRun& run : b.runs) {
    origins.insert(run.origin);
  }
  out << visible(doc) << "@" << b.versions[b.target].number << ": " << plural(origins.size(), "origin") << "\n";
  for (std::size_t o : origins) {
    const store::Version& v = b.versions[o];
    out << label(v) << "  " << short_sha(v.sha256, 8) << "  " << observed_text(v.ingest).substr(0, 10) << "  "
        << visible(or_unknown(v.ingest.source)) << "\n";
  }
  out << "\n";
  std::size_t line = 1;
  std::size_t counted_to = 0;
  for (const analysis::BlameRun& run : b.runs) {
    std::size_t pos = run.begin;
    while (pos < run.end) {
      line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                                  text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
      counted_to = pos;
      std::size_t stop = std::min(run.end, text.find('\n', pos));
      std::string_view segment(text.data() + pos, stop - pos);
      if (segment.ends_with('\r')) {
        segment.remove_suffix(1);
      }
      out << std::left << std::setw(6) << label(b.versions[run.origin]) << std::right << std::setw(5) << line << "| "
          << visible_text(segment) << "\n";
      pos = stop;
      while (pos < run.end && (text[pos] == '\n' || text[pos] == '\r' || text[pos] == ' ' || text[pos] == '\t')) {
        ++pos;
      }
    }
  }
}

nlohmann::json blame_json(const std::string& doc, const Blamed& b) {
  const store::Version& target = b.versions[b.target];
  nlohmann::json runs = nlohmann::json::array();
  std::set<std::size_t> origins;
  for (const analysis::BlameRun& run : b.runs) {
    runs.push_back({{"begin", run.begin}, {"end", run.end}, {"version", b.versions[run.origin].number}});
    origins.insert(run.origin);
  }
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t o : origins) {
    const store::Version& v = b.versions[o];
    list.push_back({{"version", v.number},
                    {"sha256", v.sha256.hex()},
                    {"observed_at", observed_text(v.ingest)},
                    {"source", v.ingest.source}});
  }
  return {{"doc", doc}, {"version", target.number}, {"sha256", target.sha256.hex()}, {"origins", list}, {"runs", runs}};
}

ExitCode run_blame(Context& context, const BlameOptions& options) {
  Format format = parse_format(options.format);
  DocRef ref = parse_doc_ref(options.doc);
  auto store = context.open_store();
  Blamed b = blame(store, ref);
  if (format == Format::json) {
    write_json(*context.out, blame_json(ref.doc, b));
  } else {
    print_text(*context.out, ref.doc, b);
  }
  return ExitCode::ok;
}

}  // namespace

void add_blame_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<BlameOptions>();
  CLI::App* sub = app.add_subcommand("blame", "Show which version brought in each run of words of a version");
  sub->add_option("doc", options->doc, "DOC[@REV] (default: the latest)")->required();
  sub->add_option("--format", options->format, "Output format: text or json (runs with byte offsets)");
  table.push_back({sub, [options](Context& context) { return run_blame(context, *options); }});
}

}  // namespace stet::cli
