#include "cli/commands.hpp"
#include "cli/match_store.hpp"
#include "render/render.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct IndexCommandOptions {
  bool rebuild = false;
};

ExitCode run_index(Context& context, const IndexCommandOptions& options) {
  if (!options.rebuild) {
    throw UsageError("say what to do: stet index --rebuild");
  }
  auto store = context.open_store();
  std::size_t versions = rebuild_index(store);
  *context.out << "rebuilt the match index of " << plural(versions, "version") << " (" << index_path(store).string()
               << ")\n";
  return ExitCode::ok;
}

}  // namespace

void add_index_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<IndexCommandOptions>();
  CLI::App* sub = app.add_subcommand("index", "Manage the match index (derived data beside the store)");
  sub->add_flag("--rebuild", options->rebuild, "Build the index again from every recorded version");
  table.push_back({sub, [options](Context& context) { return run_index(context, *options); }});
}

}  // namespace stet::cli
