// `stet export-tiles DIR`: the log as C2SP tlog-tiles for a static host;
// `stet verify-tiles DIR`: checks such a folder without the store.

#include "cli/commands.hpp"
#include "cli/log_inputs.hpp"
#include "store/error.hpp"
#include "store/log/tiles.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct ExportTilesOptions {
  std::string dir;
  std::string sign;
  std::string origin;
};

ExitCode run_export_tiles(Context& context, const ExportTilesOptions& options) {
  std::optional<store::log::Signer> signer;
  std::string origin = options.origin.empty() ? k_default_origin : options.origin;
  if (!options.sign.empty()) {
    signer = load_signer(options.sign, origin);
    origin = options.origin.empty() ? signer->name : origin;
  }
  (void)context.open_store();
  store::log::StoreLog log = store::log::read_log(context.store_path());
  std::vector<std::string> entries;
  entries.reserve(log.entries.size());
  for (const store::log::LogEntry& e : log.entries) {
    entries.push_back(e.bytes);
  }
  store::log::ExportCount count;
  try {
    count = store::log::write_tiles(options.dir, store::log::tile_files(log.tree, entries),
                                    checkpoint_note_text(log, origin, signer));
  } catch (const store::InvalidInputError& e) {
    throw UsageError(e.what());
  }
  *context.out << "exported " << log.tree.size() << " records to " << options.dir << ": " << count.written
               << " new files, " << count.kept << " already there, checkpoint "
               << (signer ? "signed by " + signer->name : "unsigned") << "\n";
  return ExitCode::ok;
}

struct VerifyTilesOptions {
  std::string dir;
  std::string key;
  std::vector<std::string> witness_keys;
};

ExitCode run_verify_tiles(Context& context, const VerifyTilesOptions& options) {
  std::string name = options.dir + "/checkpoint";
  CheckpointNote checkpoint = parse_checkpoint_note(read_input(name, "checkpoint"), name);
  std::optional<std::string> key;
  if (!options.key.empty()) {
    key = options.key;
  }
  SignatureReport signatures = judge_signatures(checkpoint, name, key, options.witness_keys);
  store::log::TileCheck check;
  try {
    check = store::log::check_tiles(options.dir, checkpoint.head.size);
  } catch (const store::InvalidInputError& e) {
    throw UsageError(options.dir + ": " + e.what());
  }
  std::vector<std::string> problems = signatures.problems;
  for (const std::string& tile : check.mismatched) {
    problems.push_back(tile + " does not hold the hashes of the entries");
  }
  if (check.root != checkpoint.head.root) {
    problems.push_back("the entries do not hash to the checkpoint's root");
  }
  for (const std::string& p : problems) {
    *context.out << "FAILED: " << p << "\n";
  }
  if (!problems.empty()) {
    return ExitCode::differences;
  }
  *context.out << "tiles verified: " << checkpoint.head.size << " entries of " << checkpoint.head.origin << "\n";
  for (const std::string& v : signatures.verified) {
    *context.out << "  " << v << "\n";
  }
  return ExitCode::ok;
}

}  // namespace

void add_export_tiles_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ExportTilesOptions>();
  CLI::App* sub = app.add_subcommand("export-tiles", "Write the log as C2SP tlog-tiles (static files) to a folder");
  sub->add_option("dir", options->dir, "The folder (created; a re-export only adds files)")->required();
  sub->add_option("--sign", options->sign, "Sign the folder's checkpoint with this private key");
  sub->add_option("--origin", options->origin, "The checkpoint's origin (default: the key's name, else stet)");
  table.push_back({sub, [options](Context& context) { return run_export_tiles(context, *options); }});

  auto verify = std::make_shared<VerifyTilesOptions>();
  CLI::App* check = app.add_subcommand(
      "verify-tiles", "Check a tlog-tiles folder without the store (exit 0 valid, 1 false, 2 incomplete)");
  check->add_option("dir", verify->dir, "The folder")->required();
  check->add_option("--key", verify->key, "The log's verifier key the checkpoint must be signed with");
  check->add_option("--witness-key", verify->witness_keys, "A witness's verifier key whose cosignature is required");
  table.push_back({check, [verify](Context& context) { return run_verify_tiles(context, *verify); }});
}

}  // namespace stet::cli
