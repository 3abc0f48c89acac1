// Fuzz target: the text checks and canonical forms (src/analysis/text_form).
// text_problem never crashes; for accepted text, the normalized form and
// the title are valid UTF-8 and normalizing is idempotent.

#include "analysis/text_form.hpp"
#include "text/tokens.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (stet::analysis::text_problem(text)) {
    return 0;
  }
  std::string normalized = stet::analysis::normalized_text(text);
  if (stet::analysis::text_problem(normalized) || stet::analysis::normalized_text(normalized) != normalized) {
    std::abort();
  }
  if (stet::text::word_count(normalized) > size) {
    std::abort();
  }
  if (stet::analysis::text_problem(stet::analysis::first_line_title(text))) {
    std::abort();
  }
  return 0;
}
