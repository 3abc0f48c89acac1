#pragma once
// (private) The log index beside a store: `stet-log.cache` in the store
// folder, never in its history. Text header, entry lines, then the tree's
// levels as raw hashes:
//   stet-log-cache 1\n<head>\n<n>\n(<doc>\t<sha256>\t<record name>\n){n}<levels>

#include "store/log/log.hpp"

#include <filesystem>

namespace stet::store::log {

inline constexpr std::string_view k_log_cache_file = "stet-log.cache";

// The cached log, or an empty one (head empty) when the file is absent or
// does not parse.
[[nodiscard]] StoreLog load_log_cache(const std::filesystem::path& store);

// Writes the cache through a temporary file and a rename; a failure to
// write leaves the old one (the cache is only an index) and is not thrown.
void save_log_cache(const std::filesystem::path& store, const StoreLog& log);

}  // namespace stet::store::log
