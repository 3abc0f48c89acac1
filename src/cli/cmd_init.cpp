#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"
#include "store/content_store.hpp"

#include <CLI/CLI.hpp>

namespace stet::cli {

namespace {

struct InitOptions {
  std::string format = "text";
};

ExitCode run_init(Context& context, const InitOptions& options) {
  Format format = parse_format(options.format);
  auto store = store::ContentStore::create(context.store_path(), context.now_utc());
  if (format == Format::json) {
    write_json(*context.out, {{"store", store.path().string()}, {"head", store.head()}});
  } else {
    *context.out << "created a new store at " << visible(store.path().string()) << "\n";
  }
  return ExitCode::ok;
}

}  // namespace

void add_init_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand("init", "Create an empty store (a bare git repository)");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_init(context, *options); }});
}

}  // namespace stet::cli
