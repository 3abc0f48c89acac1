#pragma once
// ContentStore: the git-backed record of every version of every document.
// A store is a bare git repository; see docs/store-format.md for its layout.

#include "store/version.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::store {

class ContentStore {
 public:
  // Creates a new, empty store at `path`, which must not exist. The store
  // is built in a temporary sibling folder and renamed into place, so a
  // crash leaves either no store or a complete one. `created_at` (RFC 3339)
  // dates the first commit. Throws Error.
  [[nodiscard]] static ContentStore create(const std::filesystem::path& path, const std::string& created_at);

  // Opens an existing store. Throws NotAStoreError when `path` is missing,
  // is not a git repository, or is a git repository without the stet mark.
  [[nodiscard]] static ContentStore open(const std::filesystem::path& path);

  ContentStore(ContentStore&&) noexcept;
  ContentStore& operator=(ContentStore&&) noexcept;
  ~ContentStore();

  // Records every item in one commit: all or nothing. Items whose bytes are
  // already a version of their document become sightings (status
  // `unchanged`). When this returns, the commit and its objects are on
  // stable storage. Concurrent writers (other processes) are serialised
  // with a lock and a compare-and-swap of the branch; a lost race rebuilds
  // the commit on the new head. When `clock` is given, every record's
  // `ingested_at` is set from it while the lock is held (so times follow
  // commit order); otherwise the items' own times are kept. Throws
  // InvalidInputError for a bad document id, Error on I/O failure (then
  // nothing is recorded).
  [[nodiscard]] std::vector<IngestOutcome> ingest(const std::vector<IngestItem>& items,
                                                  const std::function<std::string()>& clock = {});

  // Every document, sorted by id.
  [[nodiscard]] std::vector<DocumentSummary> documents() const;

  // The versions of `doc`, numbered and oldest first; nullopt when the
  // document is unknown.
  [[nodiscard]] std::optional<std::vector<Version>> history(std::string_view doc) const;

  // The exact bytes of version `sha256` of `doc`, re-hashed on every call;
  // nullopt when absent. Throws CorruptContentError when the stored bytes
  // no longer hash to `sha256` (the store was altered outside stet).
  [[nodiscard]] std::optional<std::string> content(std::string_view doc, const Digest& sha256) const;

  // The derived text form `text` of version `sha256` of `doc` (see
  // Record::text_sha256); nullopt when absent.
  [[nodiscard]] std::optional<std::string> text_form(std::string_view doc, const Digest& sha256,
                                                     const Digest& text) const;

  // The head commit id (hex), or empty for a store without versions yet.
  [[nodiscard]] std::string head() const;

  [[nodiscard]] const std::filesystem::path& path() const;

 private:
  struct Impl;
  explicit ContentStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// True when `path` holds something that looks like a stet store (it may
// still fail to open if damaged).
[[nodiscard]] bool looks_like_store(const std::filesystem::path& path);

}  // namespace stet::store
