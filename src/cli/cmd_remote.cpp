#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"
#include "store/error.hpp"
#include "store/sync.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct RemoteOptions {
  CLI::App* add = nullptr;
  CLI::App* remove = nullptr;
  std::string name;
  std::string url;
  std::string format = "text";
};

ExitCode list_remotes(Context& context, const store::ContentStore& store, Format format) {
  auto remotes = store::remotes(store);
  if (format == Format::json) {
    nlohmann::json array = nlohmann::json::array();
    for (const store::Remote& r : remotes) {
      array.push_back({{"name", r.name}, {"url", r.url}});
    }
    write_json(*context.out, array);
    return ExitCode::ok;
  }
  for (const store::Remote& r : remotes) {
    *context.out << visible(r.name) << "\t" << visible(r.url) << "\n";
  }
  return ExitCode::ok;
}

ExitCode run_remote(Context& context, const RemoteOptions& options) {
  Format format = parse_format(options.format);
  auto store = context.open_store();
  try {
    if (options.add->parsed()) {
      store::add_remote(store, options.name, options.url);
      *context.out << "added remote '" << visible(options.name) << "'\n";
      return ExitCode::ok;
    }
    if (options.remove->parsed()) {
      store::remove_remote(store, options.name);
      *context.out << "removed remote '" << visible(options.name) << "'\n";
      return ExitCode::ok;
    }
  } catch (const store::InvalidInputError& e) {
    throw UsageError(e.what());
  }
  return list_remotes(context, store, format);
}

}  // namespace

void add_remote_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<RemoteOptions>();
  CLI::App* sub = app.add_subcommand("remote", "Manage the remotes this store syncs with (kept in its git config)");
  sub->require_subcommand(1);
  options->add = sub->add_subcommand("add", "Add a remote: NAME and URL (path, file://, git://, ssh://, https://)");
  options->add->add_option("name", options->name, "Remote name, e.g. origin")->required();
  options->add->add_option("url", options->url, "Where the remote store is")->required();
  options->remove = sub->add_subcommand("remove", "Forget a remote and what was fetched from it");
  options->remove->alias("rm");
  options->remove->add_option("name", options->name, "Remote name")->required();
  CLI::App* list = sub->add_subcommand("list", "List the remotes, one per line: NAME<TAB>URL");
  list->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_remote(context, *options); }});
}

}  // namespace stet::cli
