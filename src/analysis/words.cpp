#include "analysis/words.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace stet::analysis {

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

std::string to_utf8(char32_t c) {
  std::string out;
  auto cp = static_cast<std::uint32_t>(c);
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

}  // namespace

std::int32_t decode_code_point(std::string_view utf8, std::size_t& pos) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(utf8.data());
  auto length = static_cast<int64_t>(utf8.size());
  auto offset = static_cast<int64_t>(pos);
  UChar32 c = 0;
  // ICU's U8_NEXT macro trips the conversion warnings.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
  U8_NEXT(data, offset, length, c);
#pragma GCC diagnostic pop
  pos = static_cast<std::size_t>(offset);
  return c;
}

char32_t code_point_at(std::string_view utf8, std::size_t& pos) {
  std::int32_t c = decode_code_point(utf8, pos);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t code_point_before(std::string_view utf8, std::size_t end, std::size_t& start) {
  // U8_PREV works on int32_t offsets: look back at most four bytes.
  std::size_t base = end > 4 ? end - 4 : 0;
  const auto* data = reinterpret_cast<const std::uint8_t*>(utf8.data() + base);
  auto offset = static_cast<int32_t>(end - base);
  UChar32 c = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
  U8_PREV(data, 0, offset, c);
#pragma GCC diagnostic pop
  start = base + static_cast<std::size_t>(offset);
  return c < 0 ? static_cast<char32_t>(-1) : static_cast<char32_t>(c);
}

bool is_space_code_point(char32_t c) {
  if (c < 0x80) {  // ASCII fast path: the same answers as ICU's White_Space
    return c == U' ' || (c >= U'\t' && c <= U'\r');
  }
  auto u = static_cast<UChar32>(c);
  return u_isUWhiteSpace(u) != 0 || c == U'\u00A0' || c == U'\u202F' || c == U'\u2007' || c == U'\uFEFF';
}

bool is_word_code_point(char32_t c) {
  if (c < 0x80) {  // ASCII fast path: letters and digits only
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
  }
  auto u = static_cast<UChar32>(c);
  return u_isalnum(u) != 0 || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

std::vector<TextWord> split_words(std::string_view utf8) {
  std::vector<TextWord> words;
  std::size_t pos = 0;
  std::size_t start = std::string_view::npos;
  while (pos < utf8.size()) {
    std::size_t here = pos;
    auto byte = static_cast<unsigned char>(utf8[pos]);
    char32_t c = byte < 0x80 ? static_cast<char32_t>(utf8[pos++]) : code_point_at(utf8, pos);
    if (is_space_code_point(c)) {
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
  std::string out;
  out.reserve(end - begin);
  for (std::size_t pos = begin; pos < end;) {
    auto byte = static_cast<unsigned char>(word[pos]);
    if (byte < 0x80) {  // ASCII fast path
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      ++pos;
      continue;
    }
    char32_t c = code_point_at(word, pos);
    out += to_utf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  }
  return out;
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

std::size_t incomplete_utf8_tail(std::string_view bytes) {
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
    (void)code_point_at(utf8, pos);
  }
  return count;
}

std::size_t word_count(std::string_view utf8) { return split_words(utf8).size(); }

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return text.starts_with(p); });
}

}  // namespace stet::analysis
