#pragma once
// The exact alignment of a query against one candidate text, through the
// word diff engine: the aligned regions, the words altered inside them, and
// where the query starts after or stops short of the candidate.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::match {

// A byte range [begin, end).
struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A stretch where the query follows the candidate word for word, up to
// small changes (listed as Change).
struct Region {
  Range query;
  Range candidate;
};

// Words replaced, deleted or inserted inside a region.
struct Change {
  Range query;      // empty when the query dropped words
  Range candidate;  // empty when the query added words
  std::size_t query_words = 0;
  std::size_t candidate_words = 0;
};

// Candidate words the query does not reach, at the start or the end.
struct Missing {
  std::size_t words = 0;
  std::size_t offset = 0;  // byte offset in the candidate where the query starts or stops
  std::string context;     // up to three candidate words on the query's side of that point
};

struct Alignment {
  std::size_t query_words = 0;
  std::size_t candidate_words = 0;
  std::size_t matched_words = 0;  // query words inside regions and not changed
  std::size_t covered_words = 0;  // candidate words spanned by the regions, changed ones included
  std::vector<Region> regions;
  std::vector<Change> changes;
  std::optional<Missing> before;  // the query starts after the candidate's beginning
  std::optional<Missing> after;   // the query stops short of the candidate's end

  // matched_words / query_words (0 for an empty query).
  [[nodiscard]] double query_share() const;
  // covered_words / candidate_words.
  [[nodiscard]] double candidate_share() const;
  // Query words changed inside regions (the larger side of each change).
  [[nodiscard]] std::size_t altered_words() const;
};

// Changes of more than this many words on either side end a region (an
// inserted advertisement, a dropped paragraph); smaller ones are edits.
inline constexpr std::size_t k_region_gap = 12;

// Aligns `query` against `candidate`. Only the part of the candidate near
// the k-grams they share is diffed, so a short excerpt of a long text
// costs about as much as the excerpt. Any bytes are accepted.
[[nodiscard]] Alignment align_texts(std::string_view candidate, std::string_view query);

// Whether `text` holds the words of `source`[`range`] (by key: the same
// words up to case, typography and spacing) one after the other.
[[nodiscard]] bool contains_words(std::string_view text, std::string_view source, Range range);

enum class Verdict { exact, same_text, truncated_copy, excerpt, altered_copy, none };

// The name used in output: "exact", "same-text", "truncated-copy", ...
[[nodiscard]] const char* verdict_name(Verdict verdict);

// What the alignment says the query is. `same_bytes` and `same_normalized`
// say whether the SHA-256 of the bytes or of the normalized text are equal.
[[nodiscard]] Verdict judge(const Alignment& alignment, bool same_bytes, bool same_normalized);

}  // namespace stet::match
