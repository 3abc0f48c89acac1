#pragma once
// A small stand-in for the word diff: how much of a text's word sequence an
// other text shares at its start and end, and a one-line summary of that.
// `stet verify --file` uses it to name the nearest recorded version; it is
// meant to be replaced by the word diff engine (src/diff) when that lands.

#include <cstddef>
#include <string>
#include <string_view>

namespace stet::analysis {

struct WordOverlap {
  std::size_t file_words = 0;
  std::size_t version_words = 0;
  std::size_t common_prefix = 0;  // leading words in common
  std::size_t common_suffix = 0;  // trailing words in common, not overlapping the prefix
};

// Compares the whitespace-separated words of `file` and `version`.
[[nodiscard]] WordOverlap word_overlap(std::string_view file, std::string_view version);

// 0..1: the share of words in common over the longer text (1: same words).
[[nodiscard]] double overlap_score(const WordOverlap& overlap);

// "matches `name` except the last 18 words are missing" and the like.
[[nodiscard]] std::string describe_overlap(const WordOverlap& overlap, const std::string& name);

}  // namespace stet::analysis
