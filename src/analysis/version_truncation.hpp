#pragma once
// Truncation evidence across the versions of one document: a version that
// is a (near-)prefix of another, an earlier version completed by a later
// one, and a large size drop against the previous version. Pure: versions
// are passed in as plain values.

#include "analysis/truncation.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace stet::analysis {

// One version as the caller loaded it.
struct VersionText {
  int number = 0;
  std::string sha256;  // hex
  std::string text;
};

// This version's words are a prefix of version `of`'s (ignoring white
// space), or would be but for up to a few differing last words.
struct PrefixMatch {
  int of = 0;
  std::string of_sha256;
  std::size_t missing_words = 0;        // words of `of` after the shared prefix
  std::string cut_after;                // the last shared words
  std::vector<std::string> differing;   // this version's own last words ("…", "Read", "more"); empty if exact
  bool later = false;                   // `of` is a later version: this one was completed by it
};

struct SizeDrop {
  int previous = 0;
  std::size_t bytes = 0;
  std::size_t previous_bytes = 0;
  double ratio = 0;  // bytes / previous_bytes
};

struct VersionAssessment {
  Assessment assessment;             // the verdict with every reason, lone and cross-version
  std::optional<PrefixMatch> prefix;
  std::optional<SizeDrop> size_drop;
};

// The prefix relation between `words` of a version and `other`'s: a match
// when `words` is a proper prefix, or when all but its last `max_differing`
// words are and `other` goes on for longer. Whitespace is ignored; a cut
// marker glued to a word counts as a word of its own.
[[nodiscard]] std::optional<PrefixMatch> prefix_match(const std::string& text, const VersionText& other,
                                                      std::size_t max_differing = 4);

// Assesses `versions[index]` alone and against the others. The closest
// version it is a prefix of (earlier versions first among equals) is the one
// measured against; a drop below half the previous version's size is a
// suspicious capture. REQUIRES: index < versions.size().
[[nodiscard]] VersionAssessment assess_version(const std::vector<VersionText>& versions, std::size_t index);

// assess_version for every version, in order (each text is split once).
[[nodiscard]] std::vector<VersionAssessment> assess_versions(const std::vector<VersionText>& versions);

}  // namespace stet::analysis
