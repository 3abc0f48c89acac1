#pragma once
// (private) What push, pull and clone share: resolving a remote, talking to
// it through libgit2 with credentials and error capture, fetching its branch
// into a ref of its own, and the lock that serialises sync operations.

#include "repo/git_handles.hpp"
#include "store/sync.hpp"

#include <exception>
#include <filesystem>
#include <optional>
#include <string>

namespace stet::store::git {

// A remote to talk to: configured (`name` set) or a bare URL.
struct ResolvedRemote {
  git_remote_ptr remote;
  std::string name;  // empty for a URL given on the command line
  std::string url;
  std::string tracking_ref;  // where its branch is fetched to
};

// The store's repository, opened afresh for a sync operation.
[[nodiscard]] git_repository_ptr open_store_repo(const std::filesystem::path& store);

// A local folder becomes an absolute path; anything else is kept as given.
[[nodiscard]] std::string normalize_url(const std::string& url);

// `name_or_url` as a configured remote when one has that name, else as a
// URL. Throws InvalidInputError for a plain word that names no remote.
[[nodiscard]] ResolvedRemote resolve_remote(git_repository* repo, const std::string& name_or_url);

// The remote's branch from its advertisement (REQUIRES: connected);
// nullopt when the remote has no refs at all. Throws NotAStoreError, with
// `hint` appended, when it has other refs but not stet's branch.
[[nodiscard]] std::optional<git_oid> advertised_branch(git_remote* remote, const std::string& url,
                                                       const std::string& hint = "");

// Callback state for one conversation with a remote. No exception crosses
// the C callbacks: each body runs inside `guard`, which keeps the first
// exception in `error` and returns GIT_EUSER, so libgit2 stops; `check_call`
// rethrows it once the libgit2 call has returned.
struct RemoteSession {
  git_remote_callbacks callbacks{};  // set up by git_remote_init_callbacks in the constructor
  int credential_attempts = 0;
  std::string rejection;  // a ref update the remote refused, with its reason
  std::exception_ptr error;

  RemoteSession();
  RemoteSession(const RemoteSession&) = delete;
  RemoteSession& operator=(const RemoteSession&) = delete;

  // Runs a callback body; an exception is kept, never thrown into C.
  template <typename Body>
  int guard(Body&& body) noexcept {
    try {
      return body();
    } catch (...) {
      if (!error) {
        error = std::current_exception();
      }
      git_error_set_str(GIT_ERROR_CALLBACK, "a stet callback failed");
      return GIT_EUSER;
    }
  }

  // After a libgit2 call that used `callbacks`: rethrows a kept callback
  // exception, else behaves as check_remote.
  void check_call(int rc, const std::string& what, const std::string& url);
};

// Throws RemoteError("<what> <url>: <libgit2 message>") when `rc` < 0.
void check_remote(int rc, const std::string& what, const std::string& url);

// Connects, lists the remote's refs and downloads its branch into
// `remote.tracking_ref`. Returns the branch's commit, or nullopt when the
// remote is empty. Throws NotAStoreError when the remote has refs but no
// stet branch, or its branch holds no stet store; RemoteError otherwise.
[[nodiscard]] std::optional<git_oid> fetch_branch(git_repository* repo, const std::filesystem::path& store,
                                                  ResolvedRemote& remote);

// Throws NotAStoreError unless `commit`'s tree holds stet's format file.
void require_store_commit(git_repository* repo, const git_oid& commit, const std::string& url);

// An flock(2) on `stet-sync.lock`: one push, pull or clone at a time per
// store. Ingests do not take it, so a slow fetch never blocks them.
class SyncLock {
 public:
  explicit SyncLock(const std::filesystem::path& store);
  ~SyncLock();
  SyncLock(const SyncLock&) = delete;
  SyncLock& operator=(const SyncLock&) = delete;

 private:
  int m_fd = -1;
};

}  // namespace stet::store::git
