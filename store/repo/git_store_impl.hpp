#pragma once
// (private) The state behind ContentStore and the helpers its git_*.cpp
// files share: signatures, blobs, reading a document's versions.

#include "repo/git_handles.hpp"
#include "store/content_store.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::store {

struct ContentStore::Impl {
  git::Session session;  // first member: destroyed after every handle
  std::filesystem::path path;
  git::git_repository_ptr repo;

  // The tree of the branch's head; nullptr when the branch does not exist.
  // It is reused while the branch stays on the same commit: a large batch
  // commit carries a long message, and reading it again for every lookup
  // made reading n versions cost O(n^2).
  [[nodiscard]] const git_tree* current_tree() const;

 private:
  mutable git_oid m_cached_head{};
  mutable git::git_tree_ptr m_cached_tree;
};

namespace git {

// fsync(2) of a file or folder, best effort (used after renames).
void fsync_path(const std::filesystem::path& path);

// A new bare repository at `folder` (which must not exist) for a store:
// HEAD on main. Throws Error.
[[nodiscard]] git_repository_ptr init_store_repo(const std::filesystem::path& folder);

// Makes the folder `requested` whole or not at all: `build` fills a hidden
// sibling folder, which is fsynced and renamed into place (crash points
// TAG-before-rename and TAG-after-rename). `action` completes the error
// "cannot ACTION PATH: ..." ("create a store at", "clone into"). Refuses an
// existing path. Returns the absolute path.
[[nodiscard]] std::filesystem::path build_then_rename(const std::filesystem::path& requested, const std::string& action,
                                                      const std::string& tag,
                                                      const std::function<void(const std::filesystem::path&)>& build);

// A signature for `who` ("Name" or "Name <email>") at RFC 3339 time `when`.
[[nodiscard]] git_signature_ptr make_signature(const std::string& who, const std::string& when);

[[nodiscard]] git_oid write_blob(git_repository* repo, std::string_view data);

// The numbered versions stored in `versions_tree` (a document's _versions).
// Throws Error on a malformed entry or record.
[[nodiscard]] std::vector<Version> read_versions(git_repository* repo, const git_tree* versions_tree);

// The versions of `doc` in the tree `root`; nullopt when it has none.
[[nodiscard]] std::optional<std::vector<Version>> history_in(git_repository* repo, const git_tree* root,
                                                             std::string_view doc);

// Removes the branch's `.lock` left behind by a killed process. REQUIRES:
// the caller holds the store lock, so no stet process can own it.
void clear_stale_ref_lock(const std::filesystem::path& store);

// Moves the branch from `expected` to `target` only if nobody moved it
// meanwhile (compare-and-swap); waits out a held ref lock and clears a stale
// one. Returns false when the branch moved: the caller rebuilds on the new
// head. REQUIRES: the caller holds the store lock. Throws Error.
[[nodiscard]] bool compare_and_swap_branch(git_repository* repo, const std::filesystem::path& store,
                                           const git_oid& target, const git_oid& expected);

}  // namespace git
}  // namespace stet::store
