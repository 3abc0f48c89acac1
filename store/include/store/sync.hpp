#pragma once
// Sharing a store through git remotes: named remotes kept in the store's git
// config, push (never forced), pull (fetch + union merge) and clone.

#include "store/content_store.hpp"
#include "store/error.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace stet::store {

// A remote as git config records it (remote.<name>.url).
struct Remote {
  std::string name;
  std::string url;
};

// Who writes merge commits and when (RFC 3339), handed down by the caller.
struct SyncIdentity {
  std::string who;
  std::string when;
};

enum class PullKind { up_to_date, remote_empty, fast_forward, merged };

struct PullResult {
  PullKind kind = PullKind::up_to_date;
  std::string url;                     // where it was fetched from
  std::string head;                    // the store's head commit after the pull
  std::size_t new_versions = 0;        // versions the store did not have before
  std::size_t new_records = 0;         // ingest records (versions and sightings) it did not have
  std::vector<std::string> documents;  // documents that gained records, sorted
};

enum class PushKind { up_to_date, pushed, initialised };

struct PushResult {
  PushKind kind = PushKind::up_to_date;
  std::string url;
  std::string head;  // the commit the remote's branch now points at
};

// The remote cannot be reached, refused the credentials, or failed while
// talking; nothing changed in the local store.
class RemoteError : public Error {
 public:
  explicit RemoteError(const std::string& what) : Error(what) {}
};

// Push refused: the remote has history the local store lacks.
class RemoteAheadError : public Error {
 public:
  explicit RemoteAheadError(const std::string& what) : Error(what) {}
};

// Pull refused: the two histories cannot be merged as a union of versions
// (a conflict, or one side removed or changed a stored file). Nothing changed.
class MergeRefusedError : public Error {
 public:
  explicit MergeRefusedError(const std::string& what) : Error(what) {}
};

// The remotes configured in `store`, sorted by name.
[[nodiscard]] std::vector<Remote> remotes(const ContentStore& store);

// Records remote `name` at `url` in the store's git config (plain git sees
// it too). A `url` naming an existing local folder is stored as an absolute
// path. Throws InvalidInputError for a bad name or a name already in use.
void add_remote(ContentStore& store, const std::string& name, const std::string& url);

// Forgets remote `name` and its fetched refs. Throws InvalidInputError when
// there is no such remote.
void remove_remote(ContentStore& store, const std::string& name);

// Fetches the remote's branch (a configured name or a URL) into a separate
// ref, then merges it into the store as a union of versions: fast-forward
// when possible, else a merge commit with both parents signed by `identity`.
// The branch moves under the store lock with a compare-and-swap, so
// concurrent ingests are never lost. Throws RemoteError (network,
// authentication), NotAStoreError (the remote is not a stet store),
// MergeRefusedError; the store's branch is unchanged on any failure.
[[nodiscard]] PullResult pull(ContentStore& store, const std::string& remote, const SyncIdentity& identity);

// Pushes the store's branch to `remote` without force. An empty remote is
// initialised. Throws RemoteAheadError when the remote has commits the store
// lacks (pull first), NotAStoreError when the remote holds something else,
// RemoteError on network or authentication failure.
[[nodiscard]] PushResult push(ContentStore& store, const std::string& remote);

// Copies the store at `url` into a new store at `path` (which must not
// exist), with `url` recorded as remote `origin`. Built in a temporary
// sibling folder and renamed into place: a failure leaves nothing behind.
// Throws RemoteError, NotAStoreError (also for an empty remote), Error.
[[nodiscard]] ContentStore clone(const std::string& url, const std::filesystem::path& path);

}  // namespace stet::store
