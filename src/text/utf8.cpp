#include "text/utf8.hpp"

#include <cstring>

namespace stet::text {

std::int32_t decode_before(std::string_view utf8, std::size_t end, std::size_t& start) {
  // The longest well-formed sequence that ends exactly at `end`.
  std::size_t floor = end > 4 ? end - 4 : 0;
  for (std::size_t from = end - 1;; --from) {
    auto b = static_cast<unsigned char>(utf8[from]);
    if ((b & 0xC0U) != 0x80U) {  // a lead byte (or ASCII): it alone decides
      std::size_t pos = from;
      std::int32_t c = decode(utf8, pos);
      if (c >= 0 && pos == end) {
        start = from;
        return c;
      }
      break;
    }
    if (from == floor) {
      break;
    }
  }
  start = end - 1;
  return -1;
}

std::size_t encode(char32_t c, std::string& out) {
  auto cp = static_cast<std::uint32_t>(c);
  if (cp < 0x80) {
    out += static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out += static_cast<char>(0xC0U | (cp >> 6U));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
    return 2;
  }
  if (cp < 0x10000) {
    out += static_cast<char>(0xE0U | (cp >> 12U));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
    return 3;
  }
  out += static_cast<char>(0xF0U | (cp >> 18U));
  out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
  out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
  out += static_cast<char>(0x80U | (cp & 0x3FU));
  return 4;
}

std::string encoded(char32_t c) {
  std::string out;
  encode(c, out);
  return out;
}

std::size_t first_invalid(std::string_view bytes) {
  constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // Eight ASCII bytes at a time.
    if (bytes.size() - pos >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes.data() + pos, sizeof word);
      if ((word & k_highs) == 0) {
        pos += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t start = pos;
    if (decode(bytes, pos) < 0) {
      return start;
    }
  }
  return std::string_view::npos;
}

bool valid_utf8(std::string_view bytes) { return first_invalid(bytes) == std::string_view::npos; }

std::size_t incomplete_tail(std::string_view bytes) {
  // Look back over at most three continuation bytes for the lead byte.
  std::size_t continuation = 0;
  for (std::size_t i = bytes.size(); i > 0 && continuation < 4; --i) {
    auto b = static_cast<unsigned char>(bytes[i - 1]);
    if ((b & 0xC0) == 0x80) {
      ++continuation;
      continue;
    }
    std::size_t needed = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : 0;
    return needed > continuation ? continuation + 1 : 0;
  }
  return 0;
}

std::size_t count_code_points(std::string_view utf8) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < utf8.size(); ++count) {
    (void)decode(utf8, pos);
  }
  return count;
}

}  // namespace stet::text
