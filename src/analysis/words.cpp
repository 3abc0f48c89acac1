#include "analysis/words.hpp"

#include <algorithm>

namespace stet::analysis {

std::string fold_word(std::string_view word) {
  std::size_t begin = 0;
  std::size_t end = word.size();
  while (begin < end) {
    std::size_t next = begin;
    if (is_word_code_point(code_point_at(word, next))) {
      break;
    }
    begin = next;
  }
  while (end > begin) {
    std::size_t start = 0;
    if (is_word_code_point(code_point_before(word, end, start))) {
      break;
    }
    end = start;
  }
  return text::lowercase(word.substr(begin, end - begin));
}

std::string fold_phrase(std::string_view text) {
  std::string out;
  for (const TextWord& word : split_words(text)) {
    std::string folded = fold_word(word.text);
    if (folded.empty()) {
      continue;
    }
    if (!out.empty()) {
      out += ' ';
    }
    out += folded;
  }
  return out;
}

std::string join_words(const std::vector<TextWord>& words, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end && i < words.size(); ++i) {
    if (!out.empty()) {
      out += ' ';
    }
    out += words[i].text;
  }
  return out;
}

std::size_t word_count(std::string_view utf8) { return split_words(utf8).size(); }

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return text.starts_with(p); });
}

}  // namespace stet::analysis
