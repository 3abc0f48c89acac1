#include "cli/commands.hpp"
#include "cli/log_inputs.hpp"
#include "render/visible.hpp"
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
  std::string origin;
  std::string format = "note";
};

void write_output(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!(out << text) || !out.flush()) {
    throw UsageError("cannot write " + path);
  }
}

// The C2SP tlog-checkpoint of the store's log (see docs/audit.md).
ExitCode run_note_checkpoint(Context& context, const CheckpointOptions& options) {
  std::optional<store::log::Signer> signer;
  std::string origin = options.origin.empty() ? k_default_origin : options.origin;
  if (!options.sign.empty()) {
    signer = load_signer(options.sign, origin);
    if (options.origin.empty()) {
      origin = signer->name;
    }
  }
  if (!store::log::valid_key_name(origin)) {
    throw UsageError("invalid origin '" + origin + "' (no spaces or '+')");
  }
  (void)context.open_store();
  // A signed checkpoint's root is never the index's on trust (see
  // read_log_for_signing); an unsigned one asserts nothing.
  store::log::StoreLog log = signer ? store::log::read_log_for_signing(context.store_path(), *signer)
                                    : store::log::read_log_index(context.store_path());
  std::string text = checkpoint_note_text(log, origin, signer);
  if (options.output.empty()) {
    *context.out << text;
    return ExitCode::ok;
  }
  write_output(options.output, text);
  *context.out << "wrote checkpoint of " << origin << " at tree size " << log.tree.size()
               << (signer ? ", signed by " + signer->name : ", unsigned") << ", to " << options.output << "\n";
  return ExitCode::ok;
}

ExitCode run_checkpoint(Context& context, const CheckpointOptions& options) {
  if (options.format != "note" && options.format != "json") {
    throw UsageError("--format must be note or json");
  }
  std::error_code exists_ec;
  if (!options.output.empty() && std::filesystem::exists(options.output, exists_ec)) {
    throw UsageError(options.output + " already exists; checkpoints are never overwritten");
  }
  if (options.format == "note") {
    return run_note_checkpoint(context, options);
  }
  if (!options.origin.empty()) {
    throw UsageError("--origin is for --format note");
  }
  std::string key;
  if (!options.sign.empty()) {
    std::ifstream in(options.sign, std::ios::binary);
    if (!in) {
      throw UsageError("cannot read the private key " + options.sign);
    }
    key.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
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
  write_output(options.output, text);
  if (options.format == "json") {  // a format 1 checkpoint: what was written is said in JSON too
    write_json(*context.out, {{"output", options.output},
                              {"head", checkpoint.head},
                              {"versions", checkpoint.versions},
                              {"records", checkpoint.records}});
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
      "checkpoint", "Print a signed checkpoint of the store's log (C2SP tlog-checkpoint) to keep outside the store");
  sub->add_option("--sign", options->sign, "Sign it with this Ed25519 private key (see stet keygen)");
  sub->add_option("--origin", options->origin, "The log's name on the first line (default: the key's name, else stet)");
  sub->add_option("--format", options->format, "note (C2SP signed note, default) or json (checkpoint format 1)");
  sub->add_option("--output,-o", options->output, "Write it to this new file instead of standard output");
  table.push_back({sub, [options](Context& context) { return run_checkpoint(context, *options); }});
}

}  // namespace stet::cli
