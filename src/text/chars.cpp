#include "text/chars.hpp"

#include "text/utf8.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace stet::text {

bool is_word_char(char32_t c) {
  if (c < 0x80) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
  }
  auto u = static_cast<UChar32>(c);
  return u_isalnum(u) != 0 || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

bool is_lower(char32_t c) { return u_islower(static_cast<UChar32>(c)) != 0; }

char32_t to_lower(char32_t c) {
  if (c < 0x80) {
    return c >= U'A' && c <= U'Z' ? c + (U'a' - U'A') : c;
  }
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

std::string lowercase(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      ++pos;
      continue;
    }
    encode(to_lower(decode_or_replacement(utf8, pos)), out);
  }
  return out;
}

std::string fold_case(std::string_view utf8) {
  std::string out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.foldCase();
  u.toUTF8String(out);
  return out;
}

}  // namespace stet::text
