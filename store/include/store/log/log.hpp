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

#include <cstdint>
#include <filesystem>
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
