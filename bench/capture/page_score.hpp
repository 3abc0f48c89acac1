#pragma once
// Word-level precision, recall and F1 of an extracted text against a
// ground truth, and the pages of the shared web corpus with their truth.

#include "capture/html_text.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace stet::bench {

struct Score {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// Lowercased words (runs of letters and digits; other non-ASCII characters
// than punctuation count as letters) of `text`.
[[nodiscard]] std::vector<std::string> score_words(std::string_view text);

// Bag-of-words overlap: each word of the truth matches at most as many
// extracted words as it occurs.
[[nodiscard]] Score word_score(std::string_view extracted, std::string_view truth);

struct CorpusPage {
  std::string name;
  std::string source;  // scrapinghub-aeb or mozilla-readability
  std::string kind;
  std::filesystem::path html;
  std::string truth;  // ground-truth text (readability's expected.html is reduced to its visible text)
};

// The pages of `<web>/html/index.tsv` that have a ground truth.
[[nodiscard]] std::vector<CorpusPage> load_corpus(const std::filesystem::path& web);

// Extracts `mode` text from the page file (charset decoded as stet does).
[[nodiscard]] std::string extract_file(const std::filesystem::path& html, capture::TextMode mode);

}  // namespace stet::bench
