#pragma once
// Truncation evidence across the versions of one document: a version that
// is a (near-)prefix of another, an earlier version completed by a later
// one, and a large size drop against the previous version. Pure: versions
// are passed in as plain values.

#include "analysis/ending_evidence.hpp"
#include "analysis/pair_judgement.hpp"
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

struct SizeDrop {
  int previous = 0;
  std::size_t bytes = 0;
  std::size_t previous_bytes = 0;
  double ratio = 0;  // bytes / previous_bytes
};

struct VersionAssessment {
  Assessment assessment;              // the verdict with every reason, lone and cross-version
  std::optional<PrefixMatch> prefix;  // the version measured against: a cut (truncated) or, else, a shorter one
  std::optional<SizeDrop> size_drop;
};

// The judgement (judge_prefix) of `text` against `other`, taken as an
// earlier version: a match when `text`'s words are a proper prefix of
// `other`'s, or all but its last few (at most four) residue words of a cut
// are. Whitespace is ignored; a cut marker glued to a word is a word.
[[nodiscard]] std::optional<PrefixMatch> prefix_match(const std::string& text, const VersionText& other);

// Assesses `versions[index]` alone and against the others. A truncated
// finding against any version makes the verdict `truncated` (the closest
// such version is measured against, earlier versions first among equals);
// else the closest shorter-version finding is kept as a note. A drop below
// half the previous version's size is a suspicious capture. `store` holds
// the endings of other documents (boilerplate). REQUIRES: index < versions.size().
[[nodiscard]] VersionAssessment assess_version(const std::vector<VersionText>& versions, std::size_t index,
                                               const StoreEvidence& store = {});

// assess_version for every version, in order (each text is split once).
[[nodiscard]] std::vector<VersionAssessment> assess_versions(const std::vector<VersionText>& versions,
                                                             const StoreEvidence& store = {});

// The ending keys (ending_key) of the versions whose verdict rests on their
// ending alone and is `truncated`: the ones the store's boilerplate
// evidence could change. Empty when the store need not be read.
[[nodiscard]] std::vector<std::string> endings_worth_counting(const std::vector<VersionText>& versions,
                                                              const std::vector<VersionAssessment>& assessed);

}  // namespace stet::analysis
