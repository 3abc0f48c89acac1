#pragma once
// (private) The log index beside a store: `stet-log.cache` in the store
// folder, never in its history. Layout (integers little-endian u64):
//   "stet-log-cache 2\n" <head, 40 hex> "\n" <n> <entry bytes E>
//   entry lines: (<doc>\t<sha256>\t<record name>\n){n}      E bytes
//   version rows: n x (key[16] leaf[8] line offset[8]), sorted by key then
//     leaf; key = SHA-256(doc \t sha256)[:16]
//   levels: every complete subtree hash, level 0 (the leaves) first:
//     floor(n / 2^l) hashes of level l, up to the level of one hash
//   SHA-256 of everything before it
// The fixed layout lets `prove` read one version's row and the O(log n)
// hashes of its path without loading the file.

#include "store/log/log.hpp"
#include "store/log/merkle.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace stet::store::log {

inline constexpr std::string_view k_log_cache_file = "stet-log.cache";

// The cached log, or an empty one (head empty) when the file is absent,
// truncated, fails its checksum or does not parse.
[[nodiscard]] StoreLog load_log_cache(const std::filesystem::path& store);

// Writes the cache through a temporary file and a rename; a failure to
// write leaves the old one (the cache is only an index) and is not thrown.
void save_log_cache(const std::filesystem::path& store, const StoreLog& log);

// The cache file opened for look-ups, without reading it whole. open()
// checks the header and that the file has exactly the size the header
// implies (not its checksum: what is read through it must be checked by
// the caller, as prove does by recomputing the leaf and verifying the
// path against the checkpoint's root).
class LogCacheView : public NodeSource {
 public:
  [[nodiscard]] static std::optional<LogCacheView> open(const std::filesystem::path& store);
  LogCacheView(LogCacheView&& other) noexcept;
  LogCacheView& operator=(LogCacheView&&) = delete;
  LogCacheView(const LogCacheView&) = delete;
  LogCacheView& operator=(const LogCacheView&) = delete;
  ~LogCacheView() override;

  [[nodiscard]] const std::string& head() const { return m_head; }
  [[nodiscard]] std::uint64_t size() const override { return m_size; }
  // Throws Error when the file cannot be read there.
  [[nodiscard]] Digest node(std::size_t level, std::uint64_t index) const override;

  struct Leaf {
    std::uint64_t index = 0;
    LogEntry entry;  // without bytes
  };
  // The first leaf of version `sha256` (hex) of `doc`; nullopt when the
  // index has none. Throws Error when the file cannot be read.
  [[nodiscard]] std::optional<Leaf> first_leaf(const std::string& doc, const std::string& sha256) const;

 private:
  LogCacheView() = default;
  void read_at(std::uint64_t offset, void* out, std::size_t size) const;
  int m_fd = -1;
  std::string m_head;
  std::uint64_t m_size = 0;
  std::uint64_t m_entries_at = 0;
  std::uint64_t m_rows_at = 0;
  std::uint64_t m_levels_at = 0;
};

}  // namespace stet::store::log
