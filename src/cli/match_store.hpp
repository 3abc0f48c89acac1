#pragma once
// The matcher against a store: keeps the fingerprint index beside the store
// up to date with the store's head, finds and aligns the candidates of a
// query, and rebuilds the index on demand or when it is damaged.

#include "match/alignment.hpp"
#include "store/content_store.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace stet::cli {

struct MatchOptions {
  std::string doc_prefix;  // only documents whose id starts with it; empty: all
  std::size_t limit = 5;   // candidates reported
};

// One candidate: versions `first`..`last` of `doc` hold the matching text
// (the aligned one is `version`).
struct MatchCandidate {
  std::string doc;
  int first = 0;
  int last = 0;
  store::Version version;
  std::string text;  // the bytes of `version`
  match::Alignment alignment;
  match::Verdict verdict = match::Verdict::none;
};

// The index file of `store`: derived data in the store folder, outside the
// git history (git never looks at it; `stet index --rebuild` recreates it).
[[nodiscard]] std::filesystem::path index_path(const store::ContentStore& store);

// The candidates for `query`, best first, at most `options.limit`; empty
// when no recorded text is its origin (a candidate is never verdict none). Brings the index up
// to date first (rebuilding it when missing, stale or damaged). Throws
// store::Error when the store cannot be read.
[[nodiscard]] std::vector<MatchCandidate> match_query(const store::ContentStore& store, std::string_view query,
                                                      const MatchOptions& options);

// Rebuilds the index from every version of the store; returns how many
// versions it holds.
std::size_t rebuild_index(const store::ContentStore& store);

}  // namespace stet::cli
