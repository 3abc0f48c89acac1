#include "analysis/language.hpp"

#include "analysis/words.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace stet::analysis {

namespace {

constexpr std::size_t k_sample_words = 3000;
constexpr std::size_t k_min_hits = 8;

struct Profile {
  std::string_view language;
  std::initializer_list<std::string_view> words;
};

// The most frequent function words of each language, words the other
// languages of the table rarely use. A data table.
const std::array<Profile, 8>& profiles() {
  static const std::array<Profile, 8> k_profiles = {{
      {"en", {"the", "and", "of", "to", "is", "that", "for", "with", "this", "are", "you", "not", "be", "or", "by"}},
      {"de",
       {"der", "die", "und", "das", "ist", "nicht", "mit", "von", "den", "sich", "auf", "für", "dem", "eine", "wird"}},
      {"fr", {"le", "les", "et", "des", "est", "une", "dans", "pour", "qui", "que", "pas", "sur", "du", "au", "vous"}},
      {"es", {"el", "los", "las", "y", "del", "que", "por", "una", "con", "para", "es", "se", "su", "al", "como"}},
      {"nl",
       {"het", "een", "van", "en", "niet", "zijn", "voor", "met", "dat", "wordt", "ook", "aan", "bij", "deze",
        "worden"}},
      {"pt", {"os", "as", "não", "uma", "para", "com", "do", "da", "dos", "das", "que", "em", "ao", "é", "seu"}},
      {"ru", {"и", "в", "не", "на", "что", "с", "по", "для", "как", "это", "или", "из", "к", "от", "быть"}},
      {"sv", {"och", "att", "det", "som", "är", "av", "för", "med", "inte", "till", "den", "på", "om", "eller", "har"}},
  }};
  return k_profiles;
}

}  // namespace

std::optional<std::string_view> guess_language(std::string_view text) {
  std::array<std::size_t, 8> hits{};
  std::size_t seen = 0;
  for (const TextWord& w : split_words(text)) {
    if (++seen > k_sample_words) {
      break;
    }
    std::string folded = fold_word(w.text);
    for (std::size_t i = 0; i < profiles().size(); ++i) {
      const auto& words = profiles()[i].words;
      hits[i] += std::find(words.begin(), words.end(), folded) != words.end() ? 1U : 0U;
    }
  }
  auto best = static_cast<std::size_t>(std::max_element(hits.begin(), hits.end()) - hits.begin());
  std::size_t runner_up = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    runner_up = i == best ? runner_up : std::max(runner_up, hits[i]);
  }
  if (hits[best] < k_min_hits || hits[best] * 2 < runner_up * 3) {
    return std::nullopt;
  }
  return profiles()[best].language;
}

}  // namespace stet::analysis
