#include "cli/verify_note.hpp"

#include "cli/log_inputs.hpp"
#include "store/log/merkle.hpp"

namespace stet::cli {

namespace {

store::Finding finding(store::FindingKind kind, std::string message, std::string hint) {
  store::Finding f;
  f.kind = kind;
  f.message = std::move(message);
  f.hint = std::move(hint);
  return f;
}

// The checkpointed tree is a prefix of today's log, by a consistency proof.
void check_consistency(const store::log::TreeHead& head, const store::log::StoreLog& log,
                       std::vector<std::string>& proven, store::AuditReport& report) {
  std::uint64_t now = log.tree.size();
  std::string hint = "restore the branch from a backup or a clone that holds the checkpointed history";
  if (head.size > now) {
    report.findings.push_back(finding(store::FindingKind::checkpoint_mismatch,
                                      "the checkpoint's tree has " + std::to_string(head.size) +
                                          " records, the store's log only " + std::to_string(now) +
                                          ": the branch was moved back or rewritten",
                                      hint));
    return;
  }
  auto proof = log.tree.consistency_proof(head.size, now);
  if (!store::log::verify_consistency(head.size, now, head.root, log.tree.root(), proof)) {
    report.findings.push_back(finding(store::FindingKind::checkpoint_mismatch,
                                      "the checkpointed tree (size " + std::to_string(head.size) +
                                          ") is not a prefix of the store's log (size " + std::to_string(now) +
                                          "): the history was rewritten since the checkpoint",
                                      hint));
    return;
  }
  proven.push_back("the checkpointed tree of " + std::to_string(head.size) + " records is a prefix of today's log of " +
                   std::to_string(now) + " (RFC 6962 consistency proof of " + std::to_string(proof.size()) +
                   " hashes)");
}

}  // namespace

std::vector<std::string> check_note_checkpoint(const std::filesystem::path& store, const std::string& name,
                                               const std::string& bytes, const std::optional<std::string>& log_key,
                                               const std::vector<std::string>& witness_keys,
                                               store::AuditReport& report) {
  CheckpointNote checkpoint = parse_checkpoint_note(bytes, name);
  SignatureReport signatures = judge_signatures(checkpoint, name, log_key, witness_keys);
  for (const std::string& problem : signatures.problems) {
    report.findings.push_back(
        finding(store::FindingKind::checkpoint_signature, problem, "use the auditor's own copy of the checkpoint"));
  }
  std::vector<std::string> proven = signatures.verified;
  check_consistency(checkpoint.head, store::log::read_log(store), proven, report);
  report.not_proven.erase(report.not_proven.begin());
  report.not_proven.insert(report.not_proven.begin(),
                           "anything about the history after the checkpoint of " + checkpoint.head.origin +
                               " at size " + std::to_string(checkpoint.head.size) + ": keep taking checkpoints");
  if (checkpoint.note.signatures.empty()) {
    report.not_proven.push_back("that the checkpoint itself is genuine: it is not signed");
  } else if (!log_key) {
    report.not_proven.push_back("who signed the checkpoint: pass --key with the signer's verifier key");
  }
  return proven;
}

}  // namespace stet::cli
