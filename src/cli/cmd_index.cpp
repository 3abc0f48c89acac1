#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/match_store.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct IndexCommandOptions {
  bool rebuild = false;
  std::string format = "text";
};

ExitCode run_index(Context& context, const IndexCommandOptions& options) {
  Format format = parse_format(options.format);
  if (!options.rebuild) {
    throw UsageError("say what to do: stet index --rebuild");
  }
  auto store = context.open_store();
  std::size_t versions = rebuild_index(store);
  if (format == Format::json) {
    write_json(*context.out, {{"rebuilt", true}, {"versions", versions}, {"index", index_path(store).string()}});
    return ExitCode::ok;
  }
  *context.out << "rebuilt the match index of " << plural(versions, "version") << " ("
               << visible(index_path(store).string()) << ")\n";
  return ExitCode::ok;
}

}  // namespace

void add_index_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<IndexCommandOptions>();
  CLI::App* sub = app.add_subcommand("index", "Manage the match index (derived data beside the store)");
  sub->add_flag("--rebuild", options->rebuild, "Build the index again from every recorded version");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_index(context, *options); }});
}

}  // namespace stet::cli
