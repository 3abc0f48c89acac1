#include "analysis/phrase_search.hpp"

#include "analysis/text_form.hpp"
#include "analysis/words.hpp"

#include <algorithm>

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
  // The folded lines joined by spaces are the folded text (line breaks are
  // white space), so one search over them finds wrapped matches too; each
  // match is reported at the line holding its first byte.
  std::string joined;
  std::vector<std::size_t> line_starts;  // offset of each line in `joined`
  for (std::string_view line : text_lines(utf8)) {
    std::string folded = searchable_text(line);
    if (!joined.empty() && !folded.empty()) {
      joined += ' ';
    }
    line_starts.push_back(joined.size());
    joined += folded;
  }
  std::size_t pos = 0;
  while ((pos = joined.find(folded_phrase, pos)) != std::string::npos) {
    std::size_t end = pos + folded_phrase.size();
    if ((pos == 0 || joined[pos - 1] == ' ') && (end == joined.size() || joined[end] == ' ')) {
      auto line = static_cast<std::size_t>(std::upper_bound(line_starts.begin(), line_starts.end(), pos) -
                                           line_starts.begin()) -
                  1;
      // (upper_bound: of lines starting at the same offset, empty lines
      // before a text line, the last one, which holds the text.)
      if (out.empty() || out.back() != line) {
        out.push_back(line);
      }
      pos = end;
    } else {
      ++pos;
    }
  }
  return out;
}

}  // namespace stet::analysis
