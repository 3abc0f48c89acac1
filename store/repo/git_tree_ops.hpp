#pragma once
// (private) Small read helpers over libgit2 trees, blobs and the branch,
// shared by the store's git_*.cpp files.

#include "repo/git_handles.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace stet::store::git {

[[nodiscard]] std::string oid_hex(const git_oid& oid);
[[nodiscard]] git_oid oid_from_hex(std::string_view hex);

// The commit the branch points at; nullopt when the branch does not exist.
[[nodiscard]] std::optional<git_commit_ptr> branch_commit(git_repository* repo);

[[nodiscard]] git_tree_ptr commit_tree(git_commit* commit);

// The tree at `path` below `root`; nullopt when absent. Throws when the
// path names something that is not a tree.
[[nodiscard]] std::optional<git_tree_ptr> subtree(git_repository* repo, const git_tree* root, const std::string& path);

// The full content of blob `id`. Throws Error when it cannot be read.
[[nodiscard]] std::string read_blob(git_repository* repo, const git_oid& id);

}  // namespace stet::store::git
