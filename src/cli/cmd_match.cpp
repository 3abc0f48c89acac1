#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/input_files.hpp"
#include "cli/match_render.hpp"
#include "cli/match_store.hpp"
#include "render/render.hpp"

#include <CLI/CLI.hpp>

namespace stet::cli {

namespace {

struct MatchCommandOptions {
  std::string file;
  std::string doc;
  std::size_t limit = 3;
  std::string format = "text";
};

ExitCode run_match(Context& context, const MatchCommandOptions& options) {
  Format format = parse_format(options.format);
  if (options.limit == 0) {
    throw UsageError("-n must be at least 1");
  }
  std::vector<InputDocument> inputs = read_inputs({options.file}, false, *context.env);
  const std::string& query = inputs.front().content;
  auto store = context.open_store();
  std::vector<MatchCandidate> candidates = match_query(store, query, {options.doc, options.limit});
  std::string name = options.file == "-" ? "standard input" : options.file;
  if (format == Format::json) {
    write_json(*context.out, match_json(name, query, candidates));
  } else {
    print_match_text(*context.out, name, query, candidates);
  }
  bool found = !candidates.empty() && candidates.front().verdict != match::Verdict::none;
  return found ? ExitCode::ok : ExitCode::differences;
}

}  // namespace

void add_match_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<MatchCommandOptions>();
  CLI::App* sub = app.add_subcommand("match", "Find which recorded text a copy or excerpt comes from");
  sub->add_option("file", options->file, "The copy to look up ('-' reads standard input)")->required();
  sub->add_option("--doc", options->doc, "Only documents whose id starts with PREFIX");
  sub->add_option("-n", options->limit, "Candidates to show (default 3)");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_match(context, *options); }});
}

}  // namespace stet::cli
