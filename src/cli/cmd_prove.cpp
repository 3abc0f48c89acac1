// `stet prove DOC[@REV]`: a C2SP tlog-proof that a version's record is in a
// signed checkpoint of the store's log, verifiable offline (verify-proof).

#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/log_inputs.hpp"
#include "store/error.hpp"
#include "store/log/merkle.hpp"
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

// The checkpoint the proof is against, and its tree head: the one given, or
// a new one. A new signed one is of the log as read for signing (never a
// root from the index on trust); the proof is then verified against it.
std::string proof_checkpoint(Context& context, const ProveOptions& options, store::log::LogProver& log,
                             store::log::TreeHead& head) {
  if (options.checkpoint.empty()) {
    std::string origin = options.origin.empty() ? k_default_origin : options.origin;
    if (options.sign.empty()) {
      head = {origin, log.size(), log.root(log.size()), {}};
      return store::log::format_tree_head(head);
    }
    store::log::Signer signer = load_signer(options.sign, origin);
    origin = options.origin.empty() ? signer.name : origin;
    store::log::StoreLog signed_log = store::log::read_log_for_signing(context.store_path(), signer);
    log = store::log::LogProver(context.store_path());  // the index as signing left it
    head = {origin, signed_log.tree.size(), signed_log.tree.root(), {}};
    return checkpoint_note_text(signed_log, origin, signer);
  }
  if (!options.sign.empty() || !options.origin.empty()) {
    throw UsageError("--checkpoint takes an existing checkpoint; --sign and --origin make a new one");
  }
  std::string bytes = read_input(options.checkpoint, "checkpoint");
  CheckpointNote note = parse_checkpoint_note(bytes, options.checkpoint);
  auto matches = [&] { return note.head.size <= log.size() && log.root(note.head.size) == note.head.root; };
  if (!matches() && !log.from_records()) {
    log.rebuild();  // a checkpoint is refused on the records' word, never the index's alone
  }
  if (!matches()) {
    throw UsageError(options.checkpoint + ": not a checkpoint of this store's log (its tree of " +
                     std::to_string(note.head.size) + " records has another root)");
  }
  head = note.head;
  return bytes;
}

// The proof of the version's first leaf, verified before it is written.
// Whatever the index says is checked (the leaf against the record's bytes,
// the path against the checkpoint's root); when a check fails, or the index
// refuses (no such leaf, a leaf after the checkpoint), the log is read from
// the records and the proof made again, so a damaged index never gives a
// false proof or a false refusal.
store::log::TlogProof make_proof(Context& context, const ProveOptions& options, store::log::LogProver& log,
                                 const DocRef& ref, const store::Version& version, store::log::TreeHead& head) {
  store::log::TlogProof proof;
  proof.checkpoint = proof_checkpoint(context, options, log, head);
  std::string sha = version.sha256.hex();
  for (;;) {
    auto index = log.first_leaf(ref.doc, sha);
    if (index && *index < head.size) {
      auto bytes = log.leaf_bytes(*index);
      if (bytes) {
        proof.index = *index;
        proof.extra = std::move(*bytes);
        proof.path = log.inclusion_proof(proof.index, head.size);
        if (store::log::verify_inclusion(store::log::leaf_hash(*proof.extra), proof.index, head.size, proof.path,
                                         head.root)) {
          return proof;
        }
      }
    }
    if (!log.from_records()) {
      log.rebuild();
      continue;
    }
    if (!index) {
      throw UsageError("the version " + sha.substr(0, 12) + " of " + ref.doc + " has no record in the store's log");
    }
    if (*index >= head.size) {
      throw UsageError(options.checkpoint + ": its tree of " + std::to_string(head.size) +
                       " records was taken before this version was logged (leaf " + std::to_string(*index) +
                       "); take a new checkpoint");
    }
    throw store::Error("the store's log does not prove " + ref.doc + "@" + std::to_string(version.number) +
                       " under this checkpoint; run stet verify");
  }
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
  store::log::LogProver log(context.store_path());
  store::log::TreeHead head;
  store::log::TlogProof proof = make_proof(context, options, log, ref, version, head);
  std::string text = store::log::format_proof(proof);
  if (options.output.empty()) {
    *context.out << text;
    return ExitCode::ok;
  }
  std::ofstream out(options.output, std::ios::binary);
  if (!(out << text) || !out.flush()) {
    throw UsageError("cannot write " + options.output);
  }
  *context.out << "wrote proof of " << ref.doc << "@" << version.number << " (leaf " << proof.index << " of a tree of "
               << head.size << " records) to " << options.output << "\n";
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
