#pragma once
// The store as an append-only transparency log (see docs/audit.md, "The
// log"): one leaf per record file, the record's exact bytes, in the order
// the branch gained them. Walking the first-parent history of the branch
// from its first commit, each commit appends the records its tree has and
// its first parent's tree lacks, sorted by ingest time (the digits of the
// file name), then document id, then record file name. A merge appends what
// the merged branch brought in, in the same order.

#include "store/digest.hpp"
#include "store/log/merkle.hpp"
#include "store/log/note.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::store::log {

struct LogEntry {
  std::string doc;
  std::string sha256;  // the version's SHA-256 (hex)
  std::string name;    // the record file's name
  std::string bytes;   // the record file's exact bytes: the leaf data
};

struct StoreLog {
  std::string head;  // the branch's commit (hex); empty for an empty store
  std::vector<LogEntry> entries;
  MerkleTree tree;
};

// The log of the store at `path`. Throws NotAStoreError, or Error when the
// store cannot be read in full or a commit changed a record (run verify).
[[nodiscard]] StoreLog read_log(const std::filesystem::path& path);

// The log as read_log gives it, but entries without their bytes, from the
// log index kept beside the store (`stet-log.cache`, outside its history),
// which this brings up to date from the commits added since. When the index
// does not describe an ancestor of the branch (moved back, rewritten, absent
// or damaged), it is rebuilt from the start. Only an index: the commands that
// prove something to an auditor (verify) read the store itself. Throws like
// read_log.
[[nodiscard]] StoreLog read_log_index(const std::filesystem::path& path);

// The log for signing a checkpoint with `signer`: never a root taken from
// the index on trust. The index beside the store keeps, per signing key, an
// anchor: the branch's commit, tree size and root this function last
// returned for that key, with an HMAC under a key derived from the
// signer's private key (so it cannot be forged without it). When the anchor
// is valid, its commit is on the branch's first-parent history and the
// index's tree has the anchor's root at the anchor's size, the index is
// kept up to that size (its root there authenticates every subtree the new
// root is made of) and everything after is recomputed from the records of
// the commits since. Otherwise (no anchor, a new key, a damaged or stale
// index, a moved branch) the whole log is read from the records, as
// read_log does. Rewrites the index when it differed, and the anchor.
// Entries come without their bytes. Throws like read_log.
[[nodiscard]] StoreLog read_log_for_signing(const std::filesystem::path& path, const Signer& signer);

// The log as `stet prove` reads it: the index file itself when it describes
// the branch's head (a version's first leaf from its sorted rows, the
// hashes of a path read from it one by one: O(log n) reads, not the whole
// index), else the index brought up to date (read_log_index). Everything
// read from the index is checked by the caller's use of it: leaf_bytes()
// recomputes the leaf hash from the record in the store, and a path is
// verified against a root by whoever signs or checks it. rebuild() drops
// the index and reads the log from the records (read_log).
class LogProver {
 public:
  explicit LogProver(const std::filesystem::path& path);
  LogProver(LogProver&&) noexcept;
  LogProver& operator=(LogProver&&) noexcept;
  ~LogProver();

  [[nodiscard]] const std::string& head() const;
  [[nodiscard]] std::uint64_t size() const;
  [[nodiscard]] Digest root(std::uint64_t tree_size) const;
  [[nodiscard]] std::vector<Digest> inclusion_proof(std::uint64_t index, std::uint64_t tree_size) const;
  // The first leaf of version `sha256` (hex) of `doc`, if it is in the log.
  [[nodiscard]] std::optional<std::uint64_t> first_leaf(const std::string& doc, const std::string& sha256) const;
  // The exact bytes of leaf `index`, read from the store; nullopt when they
  // do not hash to the leaf hash the log has (a damaged index).
  [[nodiscard]] std::optional<std::string> leaf_bytes(std::uint64_t index) const;
  // True when the log was read from the records (rebuilt), not the index.
  [[nodiscard]] bool from_records() const;
  void rebuild();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// The exact bytes of `entry` in the tree of `commit` (hex). Throws Error.
[[nodiscard]] std::string read_entry_bytes(const std::filesystem::path& path, const std::string& commit,
                                           const LogEntry& entry);

// The body of a C2SP tlog-checkpoint: origin, tree size, base64 root hash.
struct TreeHead {
  std::string origin;
  std::uint64_t size = 0;
  Digest root;
  std::vector<std::string> extensions;  // opaque extension lines, if any

  bool operator==(const TreeHead&) const = default;
};

// "origin\nsize\nroot\n[extension lines\n]".
[[nodiscard]] std::string format_tree_head(const TreeHead& head);

// Parses a checkpoint note's text. Throws InvalidInputError naming what is
// malformed (fewer than three lines, a size with leading zeros, a root that
// is not base64 of 32 bytes, an empty extension line).
[[nodiscard]] TreeHead parse_tree_head(std::string_view text);

}  // namespace stet::store::log
