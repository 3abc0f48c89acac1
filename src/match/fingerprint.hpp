#pragma once
// The words of a text as the matcher sees them (the diff tokenizer's word
// tokens, each keyed by its normalized, case-folded form) and the
// fingerprints chosen from their k-grams by winnowing.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace stet::match {

// Words per k-gram, and k-grams per winnowing window. Every run of at least
// k_guarantee = k_gram + k_window - 1 words shared by two texts shares at
// least one fingerprint (docs/match.md says why these values).
inline constexpr std::size_t k_gram = 5;
inline constexpr std::size_t k_window = 6;
inline constexpr std::size_t k_guarantee = k_gram + k_window - 1;

// One word of a text: its byte range and the hash of its normalized form.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint64_t key = 0;
};

// The words of `text` in order. Two words get the same key when they are
// equal after the normalization of analysis::normalized_text (NFC, folded
// quotes, dashes and ligatures, no zero-width characters), lowercasing and
// dropping leading or trailing underscores (Markdown emphasis). Bytes that
// are not valid UTF-8 never form words; they are skipped, never fatal.
[[nodiscard]] std::vector<Word> text_words(std::string_view text);

// One chosen k-gram: its hash (47 bits, so it fits a 6-byte SQLite
// integer) and the index of its first word.
struct Fingerprint {
  std::uint64_t hash = 0;
  std::size_t word = 0;
};

// The hash of the k-gram starting at each word index (size: words - k + 1,
// or 0 when there are fewer than k words).
[[nodiscard]] std::vector<std::uint64_t> gram_hashes(const std::vector<Word>& words);

// The fingerprints chosen by robust winnowing (Schleimer, Wilkerson and
// Aiken 2003): in every window of k_window consecutive k-grams the one
// with the smallest hash (the rightmost on ties), each chosen k-gram once.
// A text of fewer than k_guarantee words gets the minimum of its k-grams.
[[nodiscard]] std::vector<Fingerprint> winnow(const std::vector<std::uint64_t>& grams);

// The distinct hashes of `fingerprints`, sorted.
[[nodiscard]] std::vector<std::uint64_t> distinct_hashes(const std::vector<Fingerprint>& fingerprints);

}  // namespace stet::match
