// verify_checkpoint: the store still holds the checkpointed history.

#include "store/checkpoint.hpp"

#include "store/error.hpp"
#include "store/signing.hpp"

#include <set>
#include <tuple>

namespace stet::store {

namespace {

Finding checkpoint_finding(FindingKind kind, std::string message, std::string hint, std::string commit = "") {
  Finding f;
  f.kind = kind;
  f.message = std::move(message);
  f.commit = std::move(commit);
  f.hint = std::move(hint);
  return f;
}

void check_signature(const Checkpoint& c, const std::optional<std::string>& trusted_key, std::vector<Finding>& out) {
  if (!c.signature) {
    if (trusted_key) {
      out.push_back(checkpoint_finding(FindingKind::checkpoint_signature, "the checkpoint is not signed",
                                       "a key was given, so a signed checkpoint was expected"));
    }
    return;
  }
  const CheckpointSignature& s = *c.signature;
  bool valid = false;
  try {
    valid = s.algorithm == "ed25519" && verify_ed25519(s.public_key, checkpoint_statement(c), s.value);
  } catch (const InvalidInputError&) {
    valid = false;
  }
  if (!valid) {
    out.push_back(checkpoint_finding(FindingKind::checkpoint_signature,
                                     "the checkpoint's signature does not verify: the statement or the signature "
                                     "was altered",
                                     "use the auditor's own copy of the checkpoint"));
  } else if (trusted_key && !same_public_key(*trusted_key, s.public_key)) {
    out.push_back(checkpoint_finding(FindingKind::checkpoint_signature,
                                     "the checkpoint is signed by another key than the one given",
                                     "someone re-signed the checkpoint; use the auditor's own copy"));
  }
}

std::vector<std::string> leaf_data(const std::vector<RecordLeaf>& leaves) {
  std::vector<std::string> data;
  for (const RecordLeaf& leaf : leaves) {
    data.push_back(leaf.bytes);
  }
  return data;
}

// The checkpointed commit is gone from the branch: say how.
Finding history_finding(const std::filesystem::path& path, const Checkpoint& c, const std::string& head,
                        bool commit_exists) {
  std::string hint =
      "the store no longer shows the history the checkpoint recorded; restore the branch to a "
      "descendant of " +
      c.head + " from a backup";
  if (commit_exists && !head.empty() && is_ancestor(path, head, c.head)) {
    return checkpoint_finding(FindingKind::checkpoint_mismatch,
                              "the branch was moved back: its head " + head.substr(0, 12) +
                                  " is an ancestor of the checkpointed commit " + c.head.substr(0, 12),
                              hint, c.head);
  }
  return checkpoint_finding(FindingKind::checkpoint_mismatch,
                            "the history was rewritten since the checkpoint: the checkpointed commit " +
                                c.head.substr(0, 12) +
                                (commit_exists ? " is no longer on the branch" : " is no longer in the store"),
                            hint, c.head);
}

void check_still_present(const std::filesystem::path& path, const std::vector<RecordLeaf>& then,
                         const std::string& head, std::vector<Finding>& out) {
  auto now = record_leaves(path, head);
  std::set<std::tuple<std::string, std::string, std::string>> present;
  for (const RecordLeaf& leaf : now.value_or(std::vector<RecordLeaf>{})) {
    present.emplace(leaf.doc, leaf.name, leaf.bytes);
  }
  for (const RecordLeaf& leaf : then) {
    if (!present.contains({leaf.doc, leaf.name, leaf.bytes})) {
      Finding f = checkpoint_finding(FindingKind::checkpoint_mismatch,
                                     "record " + leaf.name + " of " + leaf.doc +
                                         " was in the checkpoint and is "
                                         "missing or different now",
                                     "restore it from the checkpointed commit or a backup");
      f.affected.push_back({leaf.doc, 0, leaf.sha256, ""});
      out.push_back(std::move(f));
    }
  }
}

}  // namespace

std::vector<Finding> verify_checkpoint(const std::filesystem::path& path, const Checkpoint& c,
                                       const std::optional<std::string>& trusted_key) {
  if (trusted_key) {
    (void)same_public_key(*trusted_key, *trusted_key);  // throws for an unusable key before any work
  }
  std::vector<Finding> out;
  check_signature(c, trusted_key, out);
  std::string head = branch_head(path);
  auto then = record_leaves(path, c.head);
  if (then) {
    std::uint64_t count = then->size();
    if (count != c.records || merkle_root(leaf_data(*then)) != c.merkle_root) {
      out.push_back(
          checkpoint_finding(FindingKind::checkpoint_mismatch,
                             "the records of the checkpointed commit do not hash to the checkpoint's "
                             "Merkle root (" +
                                 std::to_string(count) + " records, checkpoint says " + std::to_string(c.records) + ")",
                             "the checkpoint does not describe this store, or the commit was forged", c.head));
    }
  }
  if (!then || head.empty() || !is_ancestor(path, c.head, head)) {
    out.push_back(history_finding(path, c, head, then.has_value()));
  }
  if (then && !head.empty()) {
    check_still_present(path, *then, head, out);
  }
  return out;
}

}  // namespace stet::store
