// `stet help [COMMAND]`: the list of commands, or one command's options
// (the same text as `--help`); a bare `stet` prints the list too.

#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct HelpOptions {
  std::string command;
};

ExitCode run_help(Context& context, CLI::App& app, const HelpOptions& options) {
  if (options.command.empty()) {
    // Not app.help(): once `help` is parsed, that would describe `help` itself.
    *context.out << app.get_formatter()->make_help(&app, "", CLI::AppFormatMode::Normal);
    return ExitCode::ok;
  }
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == options.command) {
      *context.out << sub->help("stet");
      return ExitCode::ok;
    }
  }
  throw UsageError("unknown command '" + options.command + "' (see stet help)");
}

}  // namespace

void add_help_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<HelpOptions>();
  CLI::App* sub = app.add_subcommand("help", "List the commands, or show one command's options");
  sub->add_option("command", options->command, "A command, e.g. diff");
  table.push_back({sub, [options, &app](Context& context) { return run_help(context, app, *options); }});
}

}  // namespace stet::cli
