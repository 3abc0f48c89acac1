#include "text/words.hpp"

#include "text/space.hpp"
#include "text/utf8.hpp"

#include <array>

namespace stet::text {

namespace {

constexpr std::array<std::string_view, 2> k_glued_markers = {"\xE2\x80\xA6", "..."};  // "…", "..."

// Splits a trailing cut marker off a token that has something before it.
void push_token(std::vector<TextWord>& words, std::string_view token, std::size_t offset) {
  for (std::string_view marker : k_glued_markers) {
    if (token.size() > marker.size() && token.ends_with(marker) &&
        !std::string_view(token.data(), token.size() - marker.size()).ends_with(".")) {
      std::size_t head = token.size() - marker.size();
      words.push_back({token.substr(0, head), offset});
      words.push_back({token.substr(head), offset + head});
      return;
    }
  }
  words.push_back({token, offset});
}

}  // namespace

bool is_separator(char32_t c) { return is_space(c) || c == U'\uFEFF'; }

std::vector<TextWord> split_words(std::string_view utf8) {
  std::vector<TextWord> words;
  std::size_t pos = 0;
  std::size_t start = std::string_view::npos;
  while (pos < utf8.size()) {
    std::size_t here = pos;
    auto byte = static_cast<unsigned char>(utf8[pos]);
    char32_t c = byte < 0x80 ? static_cast<char32_t>(utf8[pos++]) : decode_or_replacement(utf8, pos);
    if (is_separator(c)) {
      if (start != std::string_view::npos) {
        push_token(words, utf8.substr(start, here - start), start);
        start = std::string_view::npos;
      }
    } else if (start == std::string_view::npos) {
      start = here;
    }
  }
  if (start != std::string_view::npos) {
    push_token(words, utf8.substr(start), start);
  }
  return words;
}

}  // namespace stet::text
