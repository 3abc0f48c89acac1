#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/sync_report.hpp"
#include "render/render.hpp"
#include "store/sync.hpp"

#include <CLI/CLI.hpp>

namespace stet::cli {

namespace {

struct PullOptions {
  std::string remote;
  std::string format = "text";
};

ExitCode run_pull(Context& context, const PullOptions& options) {
  Format format = parse_format(options.format);
  auto store = context.open_store();
  std::string remote = choose_remote(store, options.remote);
  auto result = store::pull(store, remote, sync_identity(context));
  if (format == Format::json) {
    write_json(*context.out, pull_json(result));
  } else {
    print_pull(*context.out, result);
  }
  return ExitCode::ok;
}

}  // namespace

void add_pull_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<PullOptions>();
  CLI::App* sub = app.add_subcommand("pull", "Fetch a remote store and merge its versions into this one (a union)");
  sub->add_option("remote", options->remote, "Remote name or URL (default: origin, or the only remote)");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_pull(context, *options); }});
}

}  // namespace stet::cli
