// `stet verify-proof PROOF --key VKEY`: checks a tlog-proof offline, without
// a store: the checkpoint's signatures, the inclusion of the carried record,
// and with --text that a file is the recorded version.

#include "cli/commands.hpp"
#include "cli/log_inputs.hpp"
#include "store/error.hpp"
#include "store/log/merkle.hpp"
#include "store/log/proof.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct VerifyProofOptions {
  std::string proof;
  std::string text;
  std::string key;
  std::vector<std::string> witness_keys;
};

// The proof, and the stet record its leaf data is (nullopt for a proof of
// another log, whose extra line is its leaf data as it is).
store::log::TlogProof read_proof(const std::string& path, std::optional<store::Record>& record) {
  store::log::TlogProof proof;
  try {
    proof = store::log::parse_proof(read_input(path, "proof"));
    if (!proof.extra) {
      throw store::InvalidInputError("it carries no leaf data (no extra line)");
    }
  } catch (const store::InvalidInputError& e) {
    throw UsageError(path + ": " + e.what());
  }
  try {
    record = store::log::parse_log_record(*proof.extra);
  } catch (const store::InvalidInputError&) {
    record.reset();
  }
  return proof;
}

void print_leaf(std::ostream& out, const std::optional<store::Record>& record, const std::string& data) {
  if (!record) {
    out << "proof verified: leaf data of " << data.size() << " bytes (not a stet record)\n";
    return;
  }
  out << "proof verified: " << record->doc << " sha256 " << record->sha256.hex() << "\n"
      << "  recorded   " << record->ingested_at << (record->source.empty() ? "" : " from " + record->source) << "\n";
}

ExitCode run_verify_proof(Context& context, const VerifyProofOptions& options) {
  std::optional<store::Record> record;
  store::log::TlogProof proof = read_proof(options.proof, record);
  CheckpointNote checkpoint = parse_checkpoint_note(proof.checkpoint, options.proof);
  if (checkpoint.note.signatures.empty()) {
    throw UsageError(options.proof + ": its checkpoint is not signed, so nothing can be proven");
  }
  SignatureReport signatures = judge_signatures(checkpoint, options.proof, options.key, options.witness_keys);
  std::vector<std::string> problems = signatures.problems;
  const store::log::TreeHead& head = checkpoint.head;
  if (proof.index >= head.size) {
    throw UsageError(options.proof + ": leaf " + std::to_string(proof.index) + " is not in a tree of " +
                     std::to_string(head.size) + " records (a proof for another tree size)");
  }
  if (!store::log::verify_inclusion(store::log::leaf_hash(*proof.extra), proof.index, head.size, proof.path,
                                    head.root)) {
    problems.push_back(
        "the inclusion proof does not lead to the checkpoint's root: the record or the proof was altered");
  }
  if (!options.text.empty()) {
    std::string bytes = read_input(options.text, "file");
    if (record ? store::sha256(bytes) != record->sha256 : bytes != *proof.extra) {
      problems.push_back(options.text + " is not this version: its SHA-256 differs from the record's");
    }
  }
  std::ostream& out = *context.out;
  for (const std::string& p : problems) {
    out << "FAILED: " << p << "\n";
  }
  if (!problems.empty()) {
    return ExitCode::differences;
  }
  print_leaf(out, record, *proof.extra);
  out << "  leaf       " << proof.index << " of " << head.origin << " at tree size " << head.size << "\n";
  for (const std::string& v : signatures.verified) {
    out << "  " << v << "\n";
  }
  if (!options.text.empty()) {
    out << "  " << options.text << " is exactly this version\n";
  }
  return ExitCode::ok;
}

}  // namespace

void add_verify_proof_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<VerifyProofOptions>();
  CLI::App* sub = app.add_subcommand(
      "verify-proof", "Check a proof from stet prove offline, without the store (exit 0 valid, 1 false, 2 unusable)");
  sub->add_option("proof", options->proof, "The proof file")->required();
  sub->add_option("--key", options->key, "The log's verifier key (name+keyid+key, or a file holding it)")->required();
  sub->add_option("--witness-key", options->witness_keys, "A witness's verifier key whose cosignature is required");
  sub->add_option("--text", options->text, "Also check that this file is exactly the proven version");
  table.push_back({sub, [options](Context& context) { return run_verify_proof(context, *options); }});
}

}  // namespace stet::cli
