#include "capture/text_util.hpp"

#include "text/space.hpp"

namespace stet::capture {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string_view trim(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) {
    return {};
  }
  std::size_t last = text.find_last_not_of(" \t\r\n\f\v");
  return text.substr(first, last - first + 1);
}

std::string ascii_view_of_wide(std::string_view bytes) {
  std::string out;
  for (char c : bytes) {
    if (c != '\0' && static_cast<unsigned char>(c) < 0x80) {
      out.push_back(c);
    }
  }
  return out;
}

std::string collapse_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (text::is_ascii_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    out.push_back(c);
  }
  return out;
}

std::string cut_utf8(std::string text, std::size_t limit) {
  if (text.size() <= limit) {
    return text;
  }
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  text.resize(cut);
  return text;
}

}  // namespace stet::capture
