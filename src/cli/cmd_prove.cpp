// `stet prove DOC[@REV]`: a C2SP tlog-proof that a version's record is in a
// signed checkpoint of the store's log, verifiable offline (verify-proof).

#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/log_inputs.hpp"
#include "store/log/proof.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <ostream>

namespace stet::cli {

namespace {

struct ProveOptions {
  std::string ref;
  std::string checkpoint;
  std::string sign;
  std::string origin;
  std::string output;
};

// The index of the version's first record in the log.
std::uint64_t leaf_index(const store::log::StoreLog& log, const std::string& doc, const std::string& sha) {
  for (std::uint64_t i = 0; i < log.entries.size(); ++i) {
    if (log.entries[i].doc == doc && log.entries[i].sha256 == sha) {
      return i;
    }
  }
  throw UsageError("the version " + sha.substr(0, 12) + " of " + doc + " has no record in the store's log");
}

// The checkpoint the proof is against: the one given, or a new one.
std::string proof_checkpoint(const ProveOptions& options, const store::log::StoreLog& log, std::uint64_t index,
                             std::uint64_t& tree_size) {
  if (options.checkpoint.empty()) {
    std::optional<store::log::Signer> signer;
    std::string origin = options.origin.empty() ? k_default_origin : options.origin;
    if (!options.sign.empty()) {
      signer = load_signer(options.sign, origin);
      origin = options.origin.empty() ? signer->name : origin;
    }
    tree_size = log.tree.size();
    return checkpoint_note_text(log, origin, signer);
  }
  if (!options.sign.empty() || !options.origin.empty()) {
    throw UsageError("--checkpoint takes an existing checkpoint; --sign and --origin make a new one");
  }
  std::string bytes = read_input(options.checkpoint, "checkpoint");
  CheckpointNote note = parse_checkpoint_note(bytes, options.checkpoint);
  if (note.head.size > log.tree.size() || log.tree.root(note.head.size) != note.head.root) {
    throw UsageError(options.checkpoint + ": not a checkpoint of this store's log (its tree of " +
                     std::to_string(note.head.size) + " records has another root)");
  }
  if (index >= note.head.size) {
    throw UsageError(options.checkpoint + ": its tree of " + std::to_string(note.head.size) +
                     " records was taken before this version was logged (leaf " + std::to_string(index) +
                     "); take a new checkpoint");
  }
  tree_size = note.head.size;
  return bytes;
}

ExitCode run_prove(Context& context, const ProveOptions& options) {
  std::error_code ec;
  if (!options.output.empty() && std::filesystem::exists(options.output, ec)) {
    throw UsageError(options.output + " already exists; proofs are never overwritten");
  }
  DocRef ref = parse_doc_ref(options.ref);
  store::ContentStore store = context.open_store();
  std::vector<store::Version> history = require_history(store, ref.doc);
  const store::Version& version = resolve_revision(history, ref.doc, ref.rev);
  store::log::StoreLog log = store::log::read_log_index(context.store_path());
  std::uint64_t index = leaf_index(log, ref.doc, version.sha256.hex());
  store::log::TlogProof proof;
  std::uint64_t tree_size = 0;
  proof.checkpoint = proof_checkpoint(options, log, index, tree_size);
  proof.extra = store::log::read_entry_bytes(context.store_path(), log.head, log.entries[index]);
  proof.index = index;
  proof.path = log.tree.inclusion_proof(index, tree_size);
  std::string text = store::log::format_proof(proof);
  if (options.output.empty()) {
    *context.out << text;
    return ExitCode::ok;
  }
  std::ofstream out(options.output, std::ios::binary);
  if (!(out << text) || !out.flush()) {
    throw UsageError("cannot write " + options.output);
  }
  *context.out << "wrote proof of " << ref.doc << "@" << version.number << " (leaf " << index << " of a tree of "
               << tree_size << " records) to " << options.output << "\n";
  return ExitCode::ok;
}

}  // namespace

void add_prove_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ProveOptions>();
  CLI::App* sub = app.add_subcommand(
      "prove", "Write an offline proof (C2SP tlog-proof) that a version is in a signed checkpoint of the log");
  sub->add_option("doc", options->ref, "DOC[@REV]: the version (default: the latest)")->required();
  sub->add_option("--checkpoint", options->checkpoint, "Prove against this checkpoint (it may carry cosignatures)");
  sub->add_option("--sign", options->sign, "Else sign a new checkpoint with this private key");
  sub->add_option("--origin", options->origin, "The new checkpoint's origin (default: the key's name)");
  sub->add_option("--output,-o", options->output, "Write the proof to this new file instead of standard output");
  table.push_back({sub, [options](Context& context) { return run_prove(context, *options); }});
}

}  // namespace stet::cli
