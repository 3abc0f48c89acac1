// libFuzzer target: cli::visible and visible_text on arbitrary bytes never let
// a control character through and always give valid UTF-8;
// diff::layout_difference on two halves of the input never crashes and only
// speaks of texts that differ.

#include "diff/layout_difference.hpp"
#include "render/visible.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

// Valid UTF-8 with no C0 control (but those `allowed`), DEL or C1 control.
bool safe(std::string_view text, bool allow_layout) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      bool layout = c == '\t' || c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
      if (!allow_layout || !layout) {
        return false;
      }
    }
    if (c >= 0x80) {
      std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
      if (n == 0 || i + n > text.size()) {
        return false;
      }
      if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
        return false;
      }
      i += n - 1;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string shown = stet::cli::visible(input);
  std::string text = stet::cli::visible_text(input);
  if (!safe(shown, false) || !safe(text, true) || stet::cli::needs_escaping(input) != (text != input)) {
    std::abort();
  }
  std::string_view a = input.substr(0, size / 2);
  std::string_view b = input.substr(size / 2);
  if (stet::diff::layout_difference(a, b) && a == b) {
    std::abort();
  }
  return 0;
}
