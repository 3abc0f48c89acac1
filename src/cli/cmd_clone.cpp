#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"
#include "store/sync.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct CloneOptions {
  std::string url;
  std::string dir;
  std::string format = "text";
};

ExitCode run_clone(Context& context, const CloneOptions& options) {
  Format format = parse_format(options.format);
  std::filesystem::path target = options.dir.empty() ? context.store_path() : std::filesystem::path(options.dir);
  auto store = store::clone(options.url, target);
  if (format == Format::json) {
    write_json(*context.out, {{"store", store.path().string()}, {"remote", options.url}, {"head", store.head()}});
  } else {
    *context.out << "cloned " << visible(options.url) << " into " << visible(store.path().string())
                 << " (remote 'origin', head " << store.head().substr(0, 12) << ")\n";
  }
  return ExitCode::ok;
}

}  // namespace

void add_clone_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<CloneOptions>();
  CLI::App* sub = app.add_subcommand("clone", "Copy a remote store into a new store, with the remote as 'origin'");
  sub->add_option("url", options->url, "Where the store is: a path, file://, git://, ssh:// or https:// URL")
      ->required();
  sub->add_option("dir", options->dir, "The new store's folder (default: --store, $STET_STORE, else ./.stet)");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_clone(context, *options); }});
}

}  // namespace stet::cli
