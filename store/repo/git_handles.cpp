#include "repo/git_handles.hpp"

#include <cerrno>
#include <cstring>

namespace stet::store::git {

std::string last_error_message() {
  // Some failed writes (a full disk) leave no libgit2 message; the system
  // error of the failed call is then the best explanation there is.
  int saved = errno;
  const git_error* error = git_error_last();
  if (error == nullptr || error->message == nullptr) {
    return saved != 0 ? std::strerror(saved) : "unknown error";
  }
  return error->message;
}

void check(int rc, const std::string& what) {
  if (rc < 0) {
    throw Error(what + ": " + last_error_message());
  }
}

Session::Session() {
  git_libgit2_init();
  // Durability: objects, packs and refs are fsynced before they are renamed
  // into place, so an acknowledged ingest survives a power loss.
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  // A tree or commit may only point at objects that exist.
  git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
}

Session::~Session() { git_libgit2_shutdown(); }

}  // namespace stet::store::git
