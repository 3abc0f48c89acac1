#pragma once
// A cheap guess of a text's language from its most frequent words (a
// stopword profile per language): enough to pick a spelling dictionary.

#include <optional>
#include <string_view>

namespace stet::analysis {

// "en", "de", "fr", "es", "nl", "pt", "ru" or "sv": the language whose
// common words make up most of the first 3000 words of `text`, when they
// are at least 8 of those words and 1.5 times the runner-up's; else nullopt.
[[nodiscard]] std::optional<std::string_view> guess_language(std::string_view text);

}  // namespace stet::analysis
