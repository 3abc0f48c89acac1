#pragma once
// Words that cannot end a sentence (articles, prepositions that are not
// stranded, conjunctions) in English, French, German, Spanish, Italian,
// Portuguese, Dutch and Russian.

#include <optional>
#include <string_view>

namespace stet::analysis {

// The language code ("en", "fr", ...) of the first list that holds `folded`
// (a word as fold_word returns it), or nullopt when the word can end a
// sentence. Particles that also end sentences ("up", German "an", Dutch
// "op") are deliberately absent.
[[nodiscard]] std::optional<std::string_view> non_final_word_language(std::string_view folded);

}  // namespace stet::analysis
