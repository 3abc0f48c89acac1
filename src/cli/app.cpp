#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "render/visible.hpp"
#include "store/error.hpp"

#include <CLI/CLI.hpp>

#include <array>
#include <iostream>
#include <span>
#include <string_view>

namespace stet::cli {

namespace {

using AddCommand = void (*)(CLI::App&, CommandTable&);

struct CommandEntry {
  std::string_view name;  // every name the add function registers, space-separated
  AddCommand add;
};

// In the order `stet help` lists them.
constexpr std::array k_commands = {
    CommandEntry{"init", add_init_command},
    CommandEntry{"ingest", add_ingest_command},
    CommandEntry{"list", add_list_command},
    CommandEntry{"log", add_log_command},
    CommandEntry{"grep", add_grep_command},
    CommandEntry{"blame", add_blame_command},
    CommandEntry{"show", add_show_command},
    CommandEntry{"check", add_check_command},
    CommandEntry{"report", add_report_command},
    CommandEntry{"verify", add_verify_command},
    CommandEntry{"checkpoint", add_checkpoint_command},
    CommandEntry{"keygen", add_keygen_command},
    CommandEntry{"consistency", add_consistency_command},
    CommandEntry{"prove", add_prove_command},
    CommandEntry{"verify-proof", add_verify_proof_command},
    CommandEntry{"export-tiles verify-tiles", add_export_tiles_command},
    CommandEntry{"diff", add_diff_command},
    CommandEntry{"push", add_push_command},
    CommandEntry{"pull", add_pull_command},
    CommandEntry{"clone", add_clone_command},
    CommandEntry{"remote", add_remote_command},
    CommandEntry{"match", add_match_command},
    CommandEntry{"index", add_index_command},
    CommandEntry{"help", add_help_command},
};

bool registers(const CommandEntry& entry, std::string_view name) {
  std::string_view names = entry.name;
  while (!names.empty()) {
    std::size_t space = names.find(' ');
    if (names.substr(0, space) == name) {
      return true;
    }
    names = space == std::string_view::npos ? std::string_view() : names.substr(space + 1);
  }
  return false;
}

// Start-up: building all the commands' option sets costs more than most
// commands' own work on a small file (docs/performance.md), so only the
// command being run is built when argv names it. What comes before the
// command may only be the global --store option; anything else (--help,
// --version, an unknown option, `help`, no command, a misspelt one) gets the
// whole application, so its messages and help stay the same; a leading
// --version needs none.
std::span<const CommandEntry> commands_to_build(int argc, char** argv) {
  std::span<const CommandEntry> all(k_commands);
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--store") {
      ++i;
      continue;
    }
    if (arg.starts_with("--store=")) {
      continue;
    }
    if (arg == "--version") {
      return all.first(0);
    }
    if (arg.starts_with("-") || arg == "help") {
      return all;
    }
    for (std::size_t k = 0; k < all.size(); ++k) {
      if (registers(all[k], arg)) {
        return all.subspan(k, 1);
      }
    }
    return all;
  }
  return all;
}

int fail(std::ostream& err, const std::string& what) {
  err << "stet: error: " << visible(what) << "\n";
  return static_cast<int>(ExitCode::error);
}

}  // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
  Environment env = process_environment();
  return run(argc, argv, out, err, env);
}

int run(int argc, char** argv, std::ostream& out, std::ostream& err, const Environment& env) {
  CLI::App app("stet: record every version of a document, detect truncated copies, and show what changed.", "stet");
  app.set_version_flag("--version", std::string("stet ") + STET_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'stet help COMMAND' for a command's options; 'man stet' or docs/cli.md for everything.");
  app.fallthrough();
  Context context;
  context.env = &env;
  context.out = &out;
  context.err = &err;
  app.add_option("--store", context.store_option, "The store folder (default: $STET_STORE, else ./.stet)");
  CommandTable table;
  for (const CommandEntry& entry : commands_to_build(argc, argv)) {
    entry.add(app, table);
  }
  if (argc <= 1) {  // a bare `stet`: the commands, not "a subcommand is required"
    out << app.help();
    return static_cast<int>(ExitCode::ok);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    return fail(err, e.what());
  }
  try {
    for (const Command& command : table) {
      if (command.app->parsed()) {
        return static_cast<int>(command.run(context));
      }
    }
    return fail(err, "no command given (see stet --help)");
  } catch (const UsageError& e) {
    return fail(err, e.what());
  } catch (const store::Error& e) {
    return fail(err, e.what());
  } catch (const std::exception& e) {
    return fail(err, e.what());
  }
}

}  // namespace stet::cli
