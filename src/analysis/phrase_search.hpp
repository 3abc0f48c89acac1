#pragma once
// Finding a phrase in versions the way a reader would: on folded words of
// the normalized text, so case, quotes, dashes, punctuation around words
// and line wrapping do not hide a match (log -S, grep).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stet::analysis {

// `utf8` as phrase search sees it: the folded words (fold_phrase) of its
// normalized text (normalized_text), joined by single spaces.
[[nodiscard]] std::string searchable_text(std::string_view utf8);

// How many times the words of `folded_phrase` (a searchable_text) occur in
// `searchable` as whole words, without overlap. 0 for an empty phrase.
[[nodiscard]] std::size_t count_phrase(std::string_view searchable, std::string_view folded_phrase);

// The lines (0-based) of `utf8` where `folded_phrase` occurs; a match that
// runs over a line break is reported at the line where it starts.
[[nodiscard]] std::vector<std::size_t> matching_lines(std::string_view utf8, std::string_view folded_phrase);

// The lines of `utf8` without their line endings.
[[nodiscard]] std::vector<std::string_view> text_lines(std::string_view utf8);

}  // namespace stet::analysis
