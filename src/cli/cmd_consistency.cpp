// `stet consistency OLD NEW`: the RFC 6962 consistency proof between two
// checkpoints of the store's log, as a witness takes it (the body of a
// C2SP tlog-witness add-checkpoint request: "old <size>", the proof, a
// blank line, the new checkpoint).

#include "cli/commands.hpp"
#include "cli/log_inputs.hpp"
#include "store/log/merkle.hpp"
#include "store/log/proof.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct ConsistencyOptions {
  std::string old_checkpoint;
  std::string new_checkpoint;
};

ExitCode run_consistency(Context& context, const ConsistencyOptions& options) {
  std::string new_bytes = read_input(options.new_checkpoint, "checkpoint");
  CheckpointNote older =
      parse_checkpoint_note(read_input(options.old_checkpoint, "checkpoint"), options.old_checkpoint);
  CheckpointNote newer = parse_checkpoint_note(new_bytes, options.new_checkpoint);
  if (older.head.origin != newer.head.origin) {
    throw UsageError("the checkpoints are of two logs: " + older.head.origin + " and " + newer.head.origin);
  }
  if (older.head.size > newer.head.size) {
    throw UsageError(options.old_checkpoint + " is the larger tree (" + std::to_string(older.head.size) + " > " +
                     std::to_string(newer.head.size) + "): give the older checkpoint first");
  }
  (void)context.open_store();
  store::log::StoreLog log = store::log::read_log_index(context.store_path());
  auto proven = [&] {  // what the index says, checked: both roots and the proof between them
    return newer.head.size <= log.tree.size() && log.tree.root(older.head.size) == older.head.root &&
           log.tree.root(newer.head.size) == newer.head.root &&
           store::log::verify_consistency(older.head.size, newer.head.size, older.head.root, newer.head.root,
                                          log.tree.consistency_proof(older.head.size, newer.head.size));
  };
  if (!proven()) {
    log = store::log::read_log(context.store_path());  // refuse on the records' word, never the index's alone
  }
  if (newer.head.size > log.tree.size()) {
    throw UsageError(options.new_checkpoint + ": a tree of " + std::to_string(newer.head.size) +
                     " records; the store's log has only " + std::to_string(log.tree.size()));
  }
  for (const CheckpointNote* c : {&older, &newer}) {
    if (log.tree.root(c->head.size) != c->head.root) {
      *context.err << "stet: the store's log at size " << c->head.size << " does not have the root of "
                   << (c == &older ? options.old_checkpoint : options.new_checkpoint)
                   << ": that checkpoint is not of this store's history\n";
      return ExitCode::differences;
    }
  }
  auto proof = log.tree.consistency_proof(older.head.size, newer.head.size);
  *context.out << "old " << older.head.size << "\n" << store::log::format_hash_lines(proof) << "\n" << new_bytes;
  return ExitCode::ok;
}

}  // namespace

void add_consistency_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ConsistencyOptions>();
  CLI::App* sub = app.add_subcommand(
      "consistency", "Print the consistency proof from an older checkpoint to a newer one, for a witness");
  sub->add_option("old", options->old_checkpoint, "The older checkpoint")->required();
  sub->add_option("new", options->new_checkpoint, "The newer checkpoint")->required();
  table.push_back({sub, [options](Context& context) { return run_consistency(context, *options); }});
}

}  // namespace stet::cli
