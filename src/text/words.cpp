#include "text/words.hpp"

#include "text/space.hpp"
#include "text/utf8.hpp"

#include <array>

namespace stet::text {

namespace {

constexpr std::array<std::string_view, 2> k_glued_markers = {"\xE2\x80\xA6", "..."};  // "…", "..."

// The size of a trailing cut marker glued to `token` after something else,
// or 0.
std::size_t glued_marker(std::string_view token) {
  for (std::string_view marker : k_glued_markers) {
    if (token.size() > marker.size() && token.ends_with(marker) &&
        !std::string_view(token.data(), token.size() - marker.size()).ends_with(".")) {
      return marker.size();
    }
  }
  return 0;
}

}  // namespace

bool is_separator(char32_t c) { return is_space(c) || c == U'\uFEFF'; }

bool WordReader::next(TextWord& word) {
  if (m_pending != 0) {
    m_pending = 0;
    word = m_marker;
    return true;
  }
  std::size_t start = std::string_view::npos;
  std::size_t stop = m_text.size();
  while (m_pos < m_text.size()) {
    std::size_t here = m_pos;
    auto byte = static_cast<unsigned char>(m_text[m_pos]);
    char32_t c = byte < 0x80 ? static_cast<char32_t>(m_text[m_pos++]) : decode_or_replacement(m_text, m_pos);
    if (is_separator(c)) {
      if (start != std::string_view::npos) {
        stop = here;
        break;
      }
    } else if (start == std::string_view::npos) {
      start = here;
    }
  }
  if (start == std::string_view::npos) {
    return false;
  }
  std::string_view token = m_text.substr(start, stop - start);
  // A trailing cut marker glued to a word is a word of its own.
  if (std::size_t marker = glued_marker(token); marker != 0) {
    std::size_t head = token.size() - marker;
    m_marker = {token.substr(head), start + head};
    m_pending = 1;
    token = token.substr(0, head);
  }
  word = {token, start};
  return true;
}

std::vector<TextWord> split_words(std::string_view utf8) {
  std::vector<TextWord> words;
  WordReader reader(utf8);
  for (TextWord word; reader.next(word);) {
    words.push_back(word);
  }
  return words;
}

}  // namespace stet::text
