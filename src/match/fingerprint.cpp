#include "match/fingerprint.hpp"

#include "analysis/text_form.hpp"
#include "text/chars.hpp"
#include "text/normalize.hpp"
#include "text/tokens.hpp"

#include <algorithm>
#include <string>

namespace stet::match {

namespace {

constexpr std::uint64_t k_hash_mask = (std::uint64_t{1} << 47) - 1;

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// A final mix so that nearby inputs give unrelated hashes (splitmix64).
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string_view trim_underscores(std::string_view s) {
  auto first = s.find_first_not_of('_');
  if (first == std::string_view::npos) {
    return s;
  }
  return s.substr(first, s.find_last_not_of('_') - first + 1);
}

// The key of one word: ASCII words are lowercased on the fly (most words,
// no allocation); others go through the recorded normalization and ICU
// case folding.
std::uint64_t word_key(std::string_view word) {
  if (is_ascii(word)) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : trim_underscores(word)) {
      char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      h ^= static_cast<unsigned char>(lower);
      h *= 1099511628211ULL;
    }
    return mix(h);
  }
  return mix(fnv1a(trim_underscores(text::fold_case(text::normalized_text(word)))));
}

}  // namespace

std::vector<Word> text_words(std::string_view text) {
  std::vector<Word> words;
  bool valid = !analysis::text_problem(text).has_value();
  for (const text::Token& token : text::tokenize(text)) {
    if (token.kind != text::TokenKind::word) {
      continue;
    }
    std::string_view piece = text.substr(token.begin, token.end - token.begin);
    if (!valid && analysis::text_problem(piece)) {
      continue;
    }
    words.push_back({token.begin, token.end, word_key(piece)});
  }
  return words;
}

std::vector<std::uint64_t> gram_hashes(const std::vector<Word>& words) {
  std::vector<std::uint64_t> grams;
  if (words.size() < k_gram) {
    return grams;
  }
  grams.reserve(words.size() - k_gram + 1);
  for (std::size_t i = 0; i + k_gram <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t j = 0; j < k_gram; ++j) {
      h = mix(h ^ words[i + j].key);
    }
    grams.push_back(h & k_hash_mask);
  }
  return grams;
}

std::vector<Fingerprint> winnow(const std::vector<std::uint64_t>& grams) {
  std::vector<Fingerprint> out;
  if (grams.empty()) {
    return out;
  }
  std::size_t window = std::min(k_window, grams.size());
  std::size_t last = grams.size();  // no choice yet
  for (std::size_t start = 0; start + window <= grams.size(); ++start) {
    std::size_t best = start;
    for (std::size_t i = start; i < start + window; ++i) {
      if (grams[i] <= grams[best]) {
        best = i;
      }
    }
    if (best != last) {
      out.push_back({grams[best], best});
      last = best;
    }
  }
  return out;
}

std::vector<std::uint64_t> distinct_hashes(const std::vector<Fingerprint>& fingerprints) {
  std::vector<std::uint64_t> hashes;
  hashes.reserve(fingerprints.size());
  for (const Fingerprint& f : fingerprints) {
    hashes.push_back(f.hash);
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

}  // namespace stet::match
