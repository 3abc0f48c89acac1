#pragma once
// The table of subcommands. Each `cmd_<name>.cpp` registers one command: it
// binds its options into a struct and adds a runner returning an ExitCode.

#include "cli/context.hpp"
#include "cli/exit_code.hpp"

#include <functional>
#include <vector>

namespace CLI {
class App;
}

namespace stet::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<ExitCode(Context&)> run;
};

using CommandTable = std::vector<Command>;

void add_check_command(CLI::App& app, CommandTable& table);
void add_init_command(CLI::App& app, CommandTable& table);
void add_ingest_command(CLI::App& app, CommandTable& table);
void add_list_command(CLI::App& app, CommandTable& table);
void add_log_command(CLI::App& app, CommandTable& table);
void add_grep_command(CLI::App& app, CommandTable& table);
void add_blame_command(CLI::App& app, CommandTable& table);
void add_show_command(CLI::App& app, CommandTable& table);
void add_report_command(CLI::App& app, CommandTable& table);
void add_verify_command(CLI::App& app, CommandTable& table);
void add_checkpoint_command(CLI::App& app, CommandTable& table);
void add_keygen_command(CLI::App& app, CommandTable& table);
void add_diff_command(CLI::App& app, CommandTable& table);
void add_push_command(CLI::App& app, CommandTable& table);
void add_pull_command(CLI::App& app, CommandTable& table);
void add_clone_command(CLI::App& app, CommandTable& table);
void add_remote_command(CLI::App& app, CommandTable& table);
void add_consistency_command(CLI::App& app, CommandTable& table);
void add_prove_command(CLI::App& app, CommandTable& table);
void add_verify_proof_command(CLI::App& app, CommandTable& table);
void add_export_tiles_command(CLI::App& app, CommandTable& table);
void add_match_command(CLI::App& app, CommandTable& table);
void add_index_command(CLI::App& app, CommandTable& table);
void add_help_command(CLI::App& app, CommandTable& table);

}  // namespace stet::cli
