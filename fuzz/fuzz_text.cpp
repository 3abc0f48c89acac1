// Fuzz target: the text layer's UTF-8 decoder, white space, typography
// table and sentences (src/text). Any bytes: decoding always advances and
// agrees with valid_utf8 and first_invalid; re-encoding what decodes gives
// the bytes back; analysis words lie inside the text; sentences cover it
// and the ASCII fast path agrees with ICU; for valid UTF-8 the comparison
// and normalized forms are valid UTF-8 and normalizing is idempotent.

#include "text/normalize.hpp"
#include "text/sentences.hpp"
#include "text/space.hpp"
#include "text/typography.hpp"
#include "text/utf8.hpp"
#include "text/words.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::size_t pos = 0;
  std::size_t first_bad = std::string_view::npos;
  std::string rebuilt;
  while (pos < bytes.size()) {
    std::size_t start = pos;
    std::int32_t c = stet::text::decode(bytes, pos);
    if (pos <= start || pos > bytes.size()) {
      std::abort();
    }
    if (c < 0) {
      first_bad = first_bad == std::string_view::npos ? start : first_bad;
      rebuilt.append(bytes.substr(start, pos - start));
    } else {
      stet::text::encode(static_cast<char32_t>(c), rebuilt);
    }
  }
  if (rebuilt != bytes || stet::text::first_invalid(bytes) != first_bad ||
      stet::text::valid_utf8(bytes) != (first_bad == std::string_view::npos)) {
    std::abort();
  }
  for (const stet::text::TextWord& word : stet::text::split_words(bytes)) {
    if (word.text.empty() || word.offset + word.text.size() > bytes.size() ||
        bytes.substr(word.offset, word.text.size()) != word.text) {
      std::abort();
    }
  }
  for (bool unwrap : {false, true}) {
    stet::text::SentenceOptions options;
    options.unwrap_lines = unwrap;
    options.language = unwrap ? "en" : "";
    auto fast = stet::text::sentences(bytes, options);
    auto icu = stet::text::sentences_icu(bytes, options);
    std::size_t at = 0;
    for (std::size_t i = 0; i < fast.size(); ++i) {
      if (fast[i].begin != at || fast[i].end <= at || i >= icu.size() || icu[i].begin != fast[i].begin ||
          icu[i].end != fast[i].end || icu[i].terminated != fast[i].terminated) {
        std::abort();
      }
      at = fast[i].end;
    }
    if (at != bytes.size() || icu.size() != fast.size()) {
      std::abort();
    }
  }
  std::string_view trimmed = stet::text::trim_space(bytes);
  if (trimmed.size() > bytes.size()) {
    std::abort();
  }
  if (first_bad == std::string_view::npos) {
    std::string normalized = stet::text::normalized_text(bytes);
    if (!stet::text::valid_utf8(normalized) || stet::text::normalized_text(normalized) != normalized ||
        !stet::text::valid_utf8(stet::text::comparison_form(bytes)) ||
        !stet::text::valid_utf8(stet::text::fold_typography(bytes))) {
      std::abort();
    }
  }
  return 0;
}
