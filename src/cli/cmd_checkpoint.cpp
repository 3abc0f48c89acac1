#include "cli/commands.hpp"
#include "cli/render.hpp"
#include "cli/visible.hpp"
#include "store/checkpoint.hpp"
#include "store/error.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iterator>
#include <ostream>

namespace stet::cli {

namespace {

struct CheckpointOptions {
  std::string sign;
  std::string output;
  std::string format = "text";
};

ExitCode run_checkpoint(Context& context, const CheckpointOptions& options) {
  Format format = parse_format(options.format);
  std::string key;
  if (!options.sign.empty()) {
    std::ifstream in(options.sign, std::ios::binary);
    if (!in) {
      throw UsageError("cannot read the private key " + options.sign);
    }
    key.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::error_code ec;
  if (!options.output.empty() && std::filesystem::exists(options.output, ec)) {
    throw UsageError(options.output + " already exists; checkpoints are never overwritten");
  }
  (void)context.open_store();  // a clear error for a missing or foreign store
  store::Checkpoint checkpoint = store::make_checkpoint(context.store_path(), context.now_utc());
  if (!key.empty()) {
    try {
      store::sign_checkpoint(checkpoint, key);
    } catch (const store::InvalidInputError& e) {
      throw UsageError(options.sign + ": " + e.what());
    }
  }
  std::string text = store::checkpoint_to_json(checkpoint);
  if (options.output.empty()) {
    *context.out << text;
    return ExitCode::ok;
  }
  std::ofstream out(options.output, std::ios::binary);
  if (!(out << text) || !out.flush()) {
    throw UsageError("cannot write " + options.output);
  }
  if (format == Format::json) {
    write_json(*context.out, {{"output", options.output}, {"head", checkpoint.head},
                              {"versions", checkpoint.versions}, {"records", checkpoint.records}});
    return ExitCode::ok;
  }
  *context.out << "wrote checkpoint of " << checkpoint.head.substr(0, 12) << " (" << checkpoint.versions
               << " versions, " << checkpoint.records << " records) to " << visible(options.output) << "\n";
  return ExitCode::ok;
}

}  // namespace

void add_checkpoint_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<CheckpointOptions>();
  CLI::App* sub = app.add_subcommand(
      "checkpoint", "Print a statement of the store's state (head, counts, Merkle root) to keep outside the store");
  sub->add_option("--sign", options->sign, "Sign it with this Ed25519 private key (PEM, see stet keygen)");
  sub->add_option("--output,-o", options->output, "Write it to this new file instead of standard output");
  sub->add_option("--format", options->format,
                  "text or json: what is said about the written file (without -o the checkpoint is JSON either way)");
  table.push_back({sub, [options](Context& context) { return run_checkpoint(context, *options); }});
}

}  // namespace stet::cli
