#include "analysis/text_form.hpp"

#include "text/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace stet::analysis {

std::optional<std::string> text_problem(std::string_view bytes) {
  constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
  constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // Eight ASCII bytes at a time while none is NUL or above 0x7F.
    if (bytes.size() - pos >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes.data() + pos, sizeof word);
      if (((word | ((word - k_ones) & ~word)) & k_highs) == 0) {
        pos += 8;
        continue;
      }
    }
    std::size_t start = pos;
    if (bytes[pos] == '\0') {
      return "it contains a NUL byte at offset " + std::to_string(start) + " (binary data, not text)";
    }
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (text::decode(bytes, pos) < 0) {
      return "it is not valid UTF-8 (bad byte at offset " + std::to_string(start) + ")";
    }
  }
  return std::nullopt;
}

std::string first_line_title(std::string_view utf8) {
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t end = utf8.find('\n', pos);
    std::string_view line = utf8.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    // Skip a BOM as a whole sequence: skipping its bytes one by one would
    // cut the first character of a title like U+FEE9 (EF BB A9) in half.
    std::size_t first = line.find_first_not_of(" \t\r\f\v");
    while (first != std::string_view::npos && line.substr(first).starts_with("\xEF\xBB\xBF")) {
      first = line.find_first_not_of(" \t\r\f\v", first + 3);
    }
    if (first != std::string_view::npos) {
      std::size_t last = line.find_last_not_of(" \t\r\f\v");
      std::string title(line.substr(first, last - first + 1));
      if (title.size() > 200) {
        std::size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0U) == 0x80U) {
          --cut;
        }
        title.resize(cut);
      }
      return title;
    }
    if (end == std::string_view::npos) {
      break;
    }
    pos = end + 1;
  }
  return "";
}

}  // namespace stet::analysis
