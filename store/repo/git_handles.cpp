#include "repo/git_handles.hpp"

#include <cerrno>
#include <cstdlib>
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
  int sessions = git_libgit2_init();
  // Durability: objects, packs and refs are fsynced before they are renamed
  // into place, so an acknowledged ingest survives a power loss.
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  // A tree or commit may only point at objects that exist.
  git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
  // TLS trust, as OpenSSL's tools take it: SSL_CERT_FILE and SSL_CERT_DIR
  // name the CA certificates for https remotes instead of the system bundle
  // (docs/cli.md). Set once, by the first session.
  const char* cert_file = std::getenv("SSL_CERT_FILE");
  const char* cert_dir = std::getenv("SSL_CERT_DIR");
  bool has_file = cert_file != nullptr && *cert_file != '\0';
  bool has_dir = cert_dir != nullptr && *cert_dir != '\0';
  if (sessions == 1 && (has_file || has_dir)) {
    if (git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, has_file ? cert_file : nullptr, has_dir ? cert_dir : nullptr) <
        0) {
      std::string reason = last_error_message();
      git_libgit2_shutdown();
      throw Error("cannot use the CA certificates of SSL_CERT_FILE or SSL_CERT_DIR: " + reason);
    }
  }
}

Session::~Session() { git_libgit2_shutdown(); }

}  // namespace stet::store::git
