#include "text/normalize.hpp"

#include "text/space.hpp"
#include "text/typography.hpp"
#include "text/utf8.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <stdexcept>

namespace stet::text {

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

std::string comparison_form(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) {
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  return ascii ? std::string(utf8) : fold_typography(nfc(utf8));
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
    if (byte < 0x80) {  // ASCII: the common case, no table lookups
      ++pos;
      if (is_ascii_space(static_cast<char>(byte))) {
        pending_space = !out.empty();
      } else {
        emit(std::string_view(&composed[pos - 1], 1));
      }
      continue;
    }
    std::size_t start = pos;
    std::int32_t c = decode(composed, pos);
    if (c >= 0 && is_space(static_cast<char32_t>(c))) {
      pending_space = !out.empty();
      continue;
    }
    auto fold = c >= 0 ? typography_fold(static_cast<char32_t>(c)) : std::nullopt;
    if (!fold) {
      emit(std::string_view(composed).substr(start, pos - start));
    } else if (!fold->empty()) {
      emit(*fold);
    }
  }
  return out;
}

}  // namespace stet::text
