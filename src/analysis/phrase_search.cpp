#include "analysis/phrase_search.hpp"

#include "analysis/text_form.hpp"
#include "analysis/words.hpp"

namespace stet::analysis {

std::string searchable_text(std::string_view utf8) { return fold_phrase(normalized_text(utf8)); }

std::size_t count_phrase(std::string_view searchable, std::string_view folded_phrase) {
  if (folded_phrase.empty() || searchable.size() < folded_phrase.size()) {
    return 0;
  }
  std::size_t count = 0;
  std::size_t pos = 0;
  while ((pos = searchable.find(folded_phrase, pos)) != std::string_view::npos) {
    std::size_t end = pos + folded_phrase.size();
    bool starts = pos == 0 || searchable[pos - 1] == ' ';
    bool ends = end == searchable.size() || searchable[end] == ' ';
    if (starts && ends) {
      ++count;
      pos = end;
    } else {
      ++pos;
    }
  }
  return count;
}

std::vector<std::string_view> text_lines(std::string_view utf8) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t end = utf8.find('\n', pos);
    std::size_t stop = end == std::string_view::npos ? utf8.size() : end;
    std::string_view line = utf8.substr(pos, stop - pos);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    lines.push_back(line);
    pos = stop + 1;
  }
  return lines;
}

std::vector<std::size_t> matching_lines(std::string_view utf8, std::string_view folded_phrase) {
  std::vector<std::size_t> out;
  if (folded_phrase.empty()) {
    return out;
  }
  std::vector<std::string_view> lines = text_lines(utf8);
  std::vector<std::string> folded;
  folded.reserve(lines.size());
  for (std::string_view line : lines) {
    folded.push_back(searchable_text(line));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (count_phrase(folded[i], folded_phrase) > 0) {
      out.push_back(i);
      continue;
    }
    // A phrase wrapped over the break: the joined pair holds more matches
    // than the next line alone.
    if (i + 1 < lines.size() && !folded[i].empty()) {
      std::string joined = folded[i] + " " + folded[i + 1];
      if (count_phrase(joined, folded_phrase) > count_phrase(folded[i + 1], folded_phrase)) {
        out.push_back(i);
      }
    }
  }
  return out;
}

}  // namespace stet::analysis
