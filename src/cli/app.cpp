#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "render/visible.hpp"
#include "store/error.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace stet::cli {

namespace {

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
  CLI::App app("stet: record every version of a document, detect truncated copies, and show what changed.",
               "stet");
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
  add_init_command(app, table);
  add_ingest_command(app, table);
  add_list_command(app, table);
  add_log_command(app, table);
  add_grep_command(app, table);
  add_blame_command(app, table);
  add_show_command(app, table);
  add_check_command(app, table);
  add_report_command(app, table);
  add_verify_command(app, table);
  add_checkpoint_command(app, table);
  add_keygen_command(app, table);
  add_consistency_command(app, table);
  add_prove_command(app, table);
  add_verify_proof_command(app, table);
  add_export_tiles_command(app, table);
  add_diff_command(app, table);
  add_push_command(app, table);
  add_pull_command(app, table);
  add_clone_command(app, table);
  add_remote_command(app, table);
  add_match_command(app, table);
  add_index_command(app, table);
  add_help_command(app, table);
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
