#pragma once
// (private) Ownership of libgit2 handles and the error check every call goes
// through. Every libgit2 deleter of the store is defined here, and only
// store/ includes this header.

#include "store/error.hpp"

#include <git2.h>
#include <git2/sys/mempack.h>

#include <memory>
#include <string>

namespace stet::store::git {

// Throws store::Error("<what>: <libgit2 message>") when `rc` < 0.
void check(int rc, const std::string& what);

// The libgit2 message of the last failure, or "unknown error".
[[nodiscard]] std::string last_error_message();

// Keeps libgit2 initialised for its lifetime; declare it before any handle.
class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
};

#define STET_GIT_DELETER(type, fn)            \
  struct type##_deleter {                     \
    void operator()(type* p) const { fn(p); } \
  };                                          \
  using type##_ptr = std::unique_ptr<type, type##_deleter>;

STET_GIT_DELETER(git_repository, git_repository_free)
STET_GIT_DELETER(git_odb, git_odb_free)
STET_GIT_DELETER(git_odb_object, git_odb_object_free)
STET_GIT_DELETER(git_tree, git_tree_free)
STET_GIT_DELETER(git_commit, git_commit_free)
STET_GIT_DELETER(git_blob, git_blob_free)
STET_GIT_DELETER(git_reference, git_reference_free)
STET_GIT_DELETER(git_signature, git_signature_free)
STET_GIT_DELETER(git_revwalk, git_revwalk_free)
STET_GIT_DELETER(git_object, git_object_free)
STET_GIT_DELETER(git_remote, git_remote_free)
STET_GIT_DELETER(git_config, git_config_free)
STET_GIT_DELETER(git_tree_entry, git_tree_entry_free)
STET_GIT_DELETER(git_treebuilder, git_treebuilder_free)
STET_GIT_DELETER(git_reference_iterator, git_reference_iterator_free)
STET_GIT_DELETER(git_diff, git_diff_free)
STET_GIT_DELETER(git_index, git_index_free)

#undef STET_GIT_DELETER

// A pack writer frees itself through its own function pointer.
struct git_odb_writepack_deleter {
  void operator()(git_odb_writepack* w) const { w->free(w); }
};
using git_odb_writepack_ptr = std::unique_ptr<git_odb_writepack, git_odb_writepack_deleter>;

struct git_buf_deleter {
  void operator()(git_buf* b) const { git_buf_dispose(b); }
};

}  // namespace stet::store::git
