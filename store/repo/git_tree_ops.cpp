#include "repo/git_tree_ops.hpp"

#include "format/layout.hpp"

namespace stet::store::git {

std::string oid_hex(const git_oid& oid) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, &oid);
  return buffer;
}

git_oid oid_from_hex(std::string_view hex) {
  git_oid oid;
  check(git_oid_fromstrn(&oid, hex.data(), hex.size()), "invalid object id '" + std::string(hex) + "'");
  return oid;
}

std::optional<git_commit_ptr> branch_commit(git_repository* repo) {
  git_oid id;
  int rc = git_reference_name_to_id(&id, repo, std::string(layout::k_branch).c_str());
  if (rc == GIT_ENOTFOUND) {
    return std::nullopt;
  }
  check(rc, "cannot read the store's branch");
  git_commit* raw = nullptr;
  check(git_commit_lookup(&raw, repo, &id), "cannot read the head commit " + oid_hex(id));
  return git_commit_ptr(raw);
}

git_tree_ptr commit_tree(git_commit* commit) {
  git_tree* raw = nullptr;
  check(git_commit_tree(&raw, commit), "cannot read the tree of commit " + oid_hex(*git_commit_id(commit)));
  return git_tree_ptr(raw);
}

std::optional<git_tree_ptr> subtree(git_repository* repo, const git_tree* root, const std::string& path) {
  git_tree_entry* raw_entry = nullptr;
  int rc = git_tree_entry_bypath(&raw_entry, root, path.c_str());
  if (rc == GIT_ENOTFOUND) {
    return std::nullopt;
  }
  check(rc, "cannot read " + path);
  git_tree_entry_ptr entry(raw_entry);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) {
    throw Error(path + " is not a folder in the store");
  }
  git_tree* raw_tree = nullptr;
  check(git_tree_lookup(&raw_tree, repo, git_tree_entry_id(entry.get())), "cannot read " + path);
  return git_tree_ptr(raw_tree);
}

std::string read_blob(git_repository* repo, const git_oid& id) {
  git_blob* raw = nullptr;
  check(git_blob_lookup(&raw, repo, &id), "cannot read object " + oid_hex(id));
  git_blob_ptr blob(raw);
  const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

}  // namespace stet::store::git
