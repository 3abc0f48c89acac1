#pragma once
// The fingerprint index of the matcher: derived data kept in one SQLite
// file beside the store (never in its git history). It maps fingerprint
// hashes to runs of versions of documents, and remembers which versions it
// holds and the store head it was last brought up to date with.

#include "match/candidates.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace stet::index {

// The index file is unusable (damaged, not SQLite, another schema): delete
// it and build it again. Any other failure is IndexError too.
class IndexError : public std::runtime_error {
 public:
  explicit IndexError(const std::string& what) : std::runtime_error(what) {}
};

// A version as the index knows it.
struct IndexedVersion {
  int number = 0;
  std::string sha256;      // hex
  std::string normalized;  // hex of the normalized-text SHA-256
};

// A version found by digest.
struct VersionRef {
  std::string doc;
  int number = 0;
};

class MatchIndex {
 public:
  // Opens the index at `path`, creating an empty one when the file is
  // missing; ":memory:" gives an index that lives as long as the object.
  // Throws IndexError when the file cannot be used.
  [[nodiscard]] static MatchIndex open(const std::filesystem::path& path);

  MatchIndex(MatchIndex&&) noexcept;
  MatchIndex& operator=(MatchIndex&&) noexcept;
  ~MatchIndex();

  // The store head the index was last brought up to date with ("" never).
  [[nodiscard]] std::string head() const;

  // Every indexed version, by document, in number order.
  [[nodiscard]] std::map<std::string, std::vector<IndexedVersion>> versions() const;

  // Writes are grouped in one transaction: begin_write takes the write
  // lock (waiting for another writer), commit makes them visible at once,
  // and a crash before commit leaves the index as it was.
  void begin_write();
  void commit();
  void rollback() noexcept;

  // Removes everything (inside a write).
  void clear();

  // Records version `number` of `doc` with its fingerprint `hashes`
  // (distinct, sorted). `previous` are the hashes of version number - 1,
  // which must already be recorded (empty for the first version). Runs are
  // open-ended while they last, so only fingerprints that appear (a new
  // row) or disappear (its run is closed at number - 1) are written: a
  // version that changes a few words costs a few rows.
  void add_version(const std::string& doc, const IndexedVersion& version, const std::vector<std::uint64_t>& hashes,
                   const std::vector<std::uint64_t>& previous);

  void set_head(const std::string& head);

  // The postings of `hash`, at most match::k_common_postings + 1.
  [[nodiscard]] std::vector<match::Posting> postings(std::uint64_t hash) const;

  // The name of document id `doc`; nullopt when unknown.
  [[nodiscard]] std::optional<std::string> doc_name(std::int64_t doc) const;

  // Versions whose bytes (`normalized` false) or normalized text has the
  // SHA-256 `hex`.
  [[nodiscard]] std::vector<VersionRef> find_digest(const std::string& hex, bool normalized) const;

 private:
  struct Impl;
  explicit MatchIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace stet::index
