#pragma once
// Candidate ranking: which documents, and which run of their versions,
// share the most fingerprints with a query, from index postings alone.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace stet::match {

// `last` of a run that goes on to the latest indexed version.
inline constexpr int k_open_run = 1 << 30;

// A fingerprint present in versions `first`..`last` (numbers, inclusive;
// k_open_run: up to the latest) of document `doc` (an index-local id).
struct Posting {
  std::int64_t doc = 0;
  int first = 0;
  int last = 0;
};

// The postings of one fingerprint hash. It may stop early: a lookup that
// returns more than k_common_postings postings marks the hash as too common
// to say anything (boilerplate shared by many documents) and it is ignored.
using PostingLookup = std::function<std::vector<Posting>(std::uint64_t hash)>;

inline constexpr std::size_t k_common_postings = 256;

// Versions `first`..`last` of a document that share the same query
// fingerprints (`hits` of them).
struct VersionRun {
  int first = 0;
  int last = 0;
  std::size_t hits = 0;
};

struct Candidate {
  std::int64_t doc = 0;
  VersionRun best;  // the latest run with the most hits (`last` may be k_open_run)
};

// Candidates with fewer hits than this share of the best one's are not
// worth aligning: a query from one document shares few fingerprints with
// the others.
inline constexpr double k_hits_share_to_align = 0.2;

// The documents sharing at least one of `hashes` (distinct query
// fingerprints) and accepted by `accept` (empty: all), best first (most
// hits, then lowest id), at most `limit`, and none with fewer hits than
// k_hits_share_to_align of the first.
[[nodiscard]] std::vector<Candidate> rank_candidates(const std::vector<std::uint64_t>& hashes,
                                                     const PostingLookup& lookup,
                                                     const std::function<bool(std::int64_t)>& accept,
                                                     std::size_t limit);

// The latest run of versions with the most hits among `postings` (all of
// one document, one posting per hash and range; `hashes[i]` is the hash of
// `postings[i]`).
[[nodiscard]] VersionRun best_run(const std::vector<Posting>& postings, const std::vector<std::uint64_t>& hashes);

}  // namespace stet::match
