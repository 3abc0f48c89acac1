#pragma once
// Bringing the fingerprint index up to date with a store (private to the
// matcher glue in match_store.cpp and cmd_index.cpp).

#include "index/match_index.hpp"
#include "store/content_store.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stet::cli {

// The distinct fingerprint hashes of `text`, sorted.
[[nodiscard]] std::vector<std::uint64_t> text_fingerprints(std::string_view text);

// Opens the index of `store`; a damaged or foreign index file is deleted and
// recreated, and an index that cannot be written to there lives in memory.
[[nodiscard]] index::MatchIndex open_index(const store::ContentStore& store);

// Deletes the index file of `store` and its journal.
void remove_index(const store::ContentStore& store);

// Adds to `index` what the store's head has and the index lacks, in one
// transaction; starts over when the index disagrees with the store (a
// version changed or vanished) or `rebuild` is set. Returns the number of
// versions added. Throws index::IndexError or store::Error.
std::size_t sync_index(index::MatchIndex& index, const store::ContentStore& store, bool rebuild);

}  // namespace stet::cli
