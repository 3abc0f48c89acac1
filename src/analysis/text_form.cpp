#include "analysis/text_form.hpp"

#include "analysis/words.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace stet::analysis {

namespace {

// Decodes the code point at `pos`, advancing it; -1 for invalid UTF-8.
UChar32 next_code_point(std::string_view text, std::size_t& pos) { return decode_code_point(text, pos); }

// The ASCII folding of one code point, or nullopt to keep it.
std::optional<std::string_view> typographic_fold(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return "-";
    case 0x2026:
      return "...";
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: case 0xFB06: return "st";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return "";
    default:
      return std::nullopt;
  }
}

bool is_space(UChar32 c) { return u_isUWhiteSpace(c) != 0 || c == 0x00A0 || c == 0x202F || c == 0x2007; }

bool is_word_char(UChar32 c) {
  return u_isalnum(c) != 0 || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool is_ideograph(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) != 0 || ublock_getCode(c) == UBLOCK_HIRAGANA ||
         ublock_getCode(c) == UBLOCK_KATAKANA;
}

}  // namespace

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
    if (next_code_point(bytes, pos) < 0) {
      return "it is not valid UTF-8 (bad byte at offset " + std::to_string(start) + ")";
    }
  }
  return std::nullopt;
}

// NFC of `utf8`; most texts already are, and ICU checks that cheaply on
// UTF-8 without converting to UTF-16.
std::string nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error("ICU NFC normalizer unavailable");
  }
  icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (normalizer->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    return std::string(utf8);
  }
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  normalizer->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error("ICU normalization failed");
  }
  return out;
}

std::string normalized_text(std::string_view utf8) {
  std::string composed = nfc(utf8);
  std::string out;
  out.reserve(composed.size());
  bool pending_space = false;
  auto emit = [&](std::string_view piece) {
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += piece;
  };
  std::size_t pos = 0;
  while (pos < composed.size()) {
    auto byte = static_cast<unsigned char>(composed[pos]);
    if (byte < 0x80) {  // ASCII: the common case, no ICU lookups
      ++pos;
      if (byte == ' ' || (byte >= '\t' && byte <= '\r')) {
        pending_space = !out.empty();
      } else {
        emit(std::string_view(&composed[pos - 1], 1));
      }
      continue;
    }
    std::size_t start = pos;
    UChar32 c = next_code_point(composed, pos);
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    auto fold = typographic_fold(c);
    if (!fold) {
      emit(std::string_view(composed).substr(start, pos - start));
    } else if (!fold->empty()) {
      emit(*fold);
    }
  }
  return out;
}

std::size_t count_words(std::string_view utf8) {
  std::size_t words = 0;
  bool in_word = false;
  UChar32 previous = 0;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    auto byte = static_cast<unsigned char>(utf8[pos]);
    bool ascii_alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
    if (ascii_alnum) {  // fast path: no ICU lookup for ASCII letters and digits
      words += in_word ? 0 : 1;
      in_word = true;
      previous = byte;
      ++pos;
      continue;
    }
    UChar32 c = next_code_point(utf8, pos);
    if (c >= 0 && is_ideograph(c)) {
      ++words;
      in_word = false;
    } else if (c >= 0 && is_word_char(c)) {
      words += in_word ? 0 : 1;
      in_word = true;
    } else if (in_word && (c == '\'' || c == 0x2019 || c == '.') && pos < utf8.size()) {
      std::size_t peek = pos;
      UChar32 next = next_code_point(utf8, peek);
      in_word = next >= 0 && is_word_char(next) && !is_ideograph(next) && is_word_char(previous);
    } else {
      in_word = false;
    }
    previous = c;
  }
  return words;
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
