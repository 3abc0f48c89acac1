#pragma once
// Checkpoints: a small statement of a store's state (head commit, counts and
// an RFC 6962 Merkle root over every record in ingest order), optionally
// signed with Ed25519, that an auditor keeps outside the store and later
// checks the store against (see docs/audit.md).

#include "store/audit.hpp"
#include "store/digest.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::store {

inline constexpr int k_checkpoint_format = 1;

struct CheckpointSignature {
  std::string algorithm = "ed25519";
  std::string public_key;  // PEM
  std::string value;       // base64
};

struct Checkpoint {
  std::string head;            // commit id (hex) of the store's branch
  std::uint64_t versions = 0;  // distinct (document, content) pairs
  std::uint64_t records = 0;   // record files: the Merkle leaves
  Digest merkle_root;
  std::string created_at;  // RFC 3339
  std::optional<CheckpointSignature> signature;
};

// The RFC 6962 Merkle tree hash of `leaves`: leaf = SHA-256(0x00 || data),
// node = SHA-256(0x01 || left || right), split at the largest power of two
// below the count; the empty tree hashes to SHA-256("").
[[nodiscard]] Digest merkle_root(const std::vector<std::string>& leaves);

// The checkpoint of the store at `path` now (unsigned). Throws
// NotAStoreError, or Error when the store cannot be read in full.
[[nodiscard]] Checkpoint make_checkpoint(const std::filesystem::path& path, const std::string& created_at);

// The exact bytes a signature covers: a fixed prefix and the statement
// without its signature, as compact JSON with sorted keys.
[[nodiscard]] std::string checkpoint_statement(const Checkpoint& checkpoint);

// Signs `checkpoint` with `private_pem`. Throws InvalidInputError for a
// key that is not an Ed25519 private key.
void sign_checkpoint(Checkpoint& checkpoint, const std::string& private_pem);

// The checkpoint as indented JSON (ending in a newline).
[[nodiscard]] std::string checkpoint_to_json(const Checkpoint& checkpoint);

// Parses a checkpoint file. Throws InvalidInputError naming the problem.
[[nodiscard]] Checkpoint checkpoint_from_json(std::string_view text);

// Checks the store at `path` against `checkpoint`: the signature (against
// `trusted_key` when given, a PEM public key), the checkpointed commit still
// on the branch's history, and its records still all present. Returns the
// findings (empty: the store holds the checkpointed history as a prefix).
// Throws NotAStoreError, or InvalidInputError for an unusable `trusted_key`.
[[nodiscard]] std::vector<Finding> verify_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                                                     const std::optional<std::string>& trusted_key);

}  // namespace stet::store
