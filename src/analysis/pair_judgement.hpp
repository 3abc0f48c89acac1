#pragma once
// The one judgement of how two versions of a document relate at their end:
// whether the shorter one is a cut copy of the other (the words that
// followed exist in the other version) or only drops a short tail of
// non-content and ends cleanly. `stet check`, `log`, `report` and
// `diff --format stat` all call it, so they agree on every pair.

#include "analysis/words.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::analysis {

// This version's words are a prefix of version `of`'s (ignoring white
// space), or would be but for up to a few differing last words.
struct PrefixMatch {
  int of = 0;
  std::string of_sha256;
  std::size_t missing_words = 0;       // words of `of` after the shared prefix
  std::string cut_after;               // the last shared words
  std::vector<std::string> differing;  // this version's own last words ("…", "Read", "more"); empty if exact
  bool later = false;                  // `of` is a later version: this one was completed by it
  std::size_t stops_at = 0;            // byte offset in `of`'s text where this version stops
  std::size_t missing_bytes = 0;       // bytes of `of` from stops_at
  bool truncated = true;               // the judgement: a cut, or a shorter version ending cleanly
  bool content_missing = true;         // the missing words hold prose
  std::string missing_excerpt;         // the missing words, shortened ("Like this: Like Loading...")
};

// One side of a pair as the caller loaded it.
struct PairSide {
  int number = 0;           // version number, 0 for a file
  std::string_view sha256;  // hex, may be empty
  std::string_view text;
};

// The judgement of `mine_words` (a version's words) against `theirs` when they are a proper
// (near-)prefix of `theirs`, else nullopt. `mine_ends_as_cut` is the lone
// verdict of `mine`'s own text (assess_text). `theirs_is_later`: `theirs`
// is the later version. Truncated when `mine` also ends as a cut, keeps
// residue of a cut ("Read more", "integ"), stops inside a sentence or line,
// or lacks content an earlier version had; otherwise (a clean end, and only
// non-content missing, or an earlier version a later one continued) it is
// a shorter version, not a cut. See docs/truncation.md.
[[nodiscard]] std::optional<PrefixMatch> judge_prefix(const std::vector<TextWord>& mine_words, const PairSide& theirs,
                                                      const std::vector<TextWord>& theirs_words, bool theirs_is_later,
                                                      bool mine_ends_as_cut);

struct PairFinding {
  bool a_is_shorter = false;
  PrefixMatch match;  // the shorter side measured against the longer
};

// The judgement for a pair A, B (B later unless `b_is_later` is false):
// which side is the shorter (near-)prefix of the other, and what that
// means. Nullopt when neither is.
[[nodiscard]] std::optional<PairFinding> judge_pair(const PairSide& a, const PairSide& b, bool b_is_later = true);

// The message for a finding: "truncated copy of v1: 13 words missing after
// 'territorial integrity of'" or "shorter than v3: drops 'Like this: Like
// Loading...' (4 words)".
[[nodiscard]] std::string prefix_message(const PrefixMatch& match);

}  // namespace stet::analysis
