#pragma once
// (private) Bounded, verifying reads of git objects for the audit: loose
// objects are read and inflated here (libgit2 1.5.1 can spin forever on a
// truncated one), packed objects come from libgit2 and are re-hashed.

#include "repo/git_handles.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace stet::store::audit {

struct OidHash {
  std::size_t operator()(const git_oid& oid) const noexcept;
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const noexcept {
    return __builtin_memcmp(a.id, b.id, GIT_OID_RAWSZ) == 0;
  }
};

enum class ReadStatus { ok, missing, corrupt };

struct RawObject {
  ReadStatus status = ReadStatus::ok;
  git_object_t type = GIT_OBJECT_INVALID;
  std::string data;     // the object's content (no header)
  std::string problem;  // why it is missing or corrupt
};

class ObjectReader {
 public:
  ObjectReader(git_repository* repo, std::filesystem::path objects_dir);

  // Reads object `id` in full and checks that its bytes hash to `id`.
  [[nodiscard]] RawObject read(const git_oid& id);
  [[nodiscard]] std::size_t objects_read() const { return m_objects; }
  [[nodiscard]] std::size_t bytes_read() const { return m_bytes; }

 private:
  [[nodiscard]] RawObject read_loose(const git_oid& id, const std::filesystem::path& file);
  [[nodiscard]] RawObject read_packed(const git_oid& id);
  void check_id(const git_oid& id, RawObject& object);

  void list_loose_objects();

  git::git_odb_ptr m_odb;
  std::unordered_set<git_oid, OidHash, OidEqual> m_loose;  // listed once: no stat(2) per object
  std::filesystem::path m_objects_dir;
  std::size_t m_objects = 0;
  std::size_t m_bytes = 0;
};

struct TreeEntry {
  std::string name;
  unsigned mode = 0;
  git_oid id{};
  [[nodiscard]] bool is_tree() const { return mode == 040000; }
};

// Parses a raw tree; nullopt when malformed.
[[nodiscard]] std::optional<std::vector<TreeEntry>> parse_tree(std::string_view data);

struct CommitInfo {
  git_oid tree{};
  std::vector<git_oid> parents;
};

// Parses the header of a raw commit; nullopt when malformed.
[[nodiscard]] std::optional<CommitInfo> parse_commit(std::string_view data);

[[nodiscard]] std::string hex(const git_oid& id);

}  // namespace stet::store::audit
