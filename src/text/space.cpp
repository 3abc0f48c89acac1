#include "text/space.hpp"

#include "text/utf8.hpp"

namespace stet::text {

bool all_space(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::int32_t c = decode(text, pos);
    if (c < 0 || !is_space(static_cast<char32_t>(c))) {
      return false;
    }
  }
  return true;
}

std::string_view trim_space(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t next = begin;
    std::int32_t c = decode(text, next);
    if (c < 0 || !is_space(static_cast<char32_t>(c))) {
      break;
    }
    begin = next;
  }
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t start = 0;
    std::int32_t c = decode_before(text, end, start);
    if (c < 0 || !is_space(static_cast<char32_t>(c))) {
      break;
    }
    end = start;
  }
  return text.substr(begin, end - begin);
}

}  // namespace stet::text
