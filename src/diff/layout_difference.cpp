#include "diff/layout_difference.hpp"

#include "text/space.hpp"

#include <string>

namespace stet::diff {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

std::string_view without_bom(std::string_view text) {
  return text.starts_with(k_bom) ? text.substr(k_bom.size()) : text;
}

// Every line ending as "\n".
std::string lf_only(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// The text with every run of white space as one space, trimmed.
std::string squeezed(std::string_view text) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    if (text::is_ascii_space(c)) {
      gap = !out.empty();
    } else {
      if (gap) {
        out.push_back(' ');
      }
      gap = false;
      out.push_back(c);
    }
  }
  return out;
}

// "LF", "CRLF", "CR", "mixed line endings" or "no line breaks".
std::string ending_style(std::string_view text) {
  std::size_t lf = 0;
  std::size_t crlf = 0;
  std::size_t cr = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++crlf;
      ++i;
    } else if (text[i] == '\r') {
      ++cr;
    } else if (text[i] == '\n') {
      ++lf;
    }
  }
  int kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds == 0) {
    return "no line breaks";
  }
  if (kinds > 1) {
    return "mixed line endings";
  }
  return lf > 0 ? "LF" : crlf > 0 ? "CRLF" : "CR";
}

std::string bom_part(std::string_view a) {
  return a.starts_with(k_bom) ? "A has one, B has none" : "B has one, A has none";
}

}  // namespace

std::optional<std::string> layout_difference(std::string_view a, std::string_view b) {
  if (a == b) {
    return std::nullopt;
  }
  std::string_view bare_a = without_bom(a);
  std::string_view bare_b = without_bom(b);
  bool bom = a.starts_with(k_bom) != b.starts_with(k_bom);
  std::string endings = "A uses " + ending_style(bare_a) + ", B uses " + ending_style(bare_b);
  if (bare_a == bare_b) {
    return "only the byte-order mark differs: " + bom_part(a);
  }
  if (lf_only(bare_a) == lf_only(bare_b)) {
    return bom ? "only the byte-order mark and the line endings differ: " + bom_part(a) + "; " + endings
               : "only the line endings differ: " + endings;
  }
  if (squeezed(bare_a) == squeezed(bare_b)) {
    return std::string(bom ? "only the byte-order mark and white space differ: " + bom_part(a)
                           : "only white space differs") +
           " (spaces, tabs or line breaks)";
  }
  return std::nullopt;
}

}  // namespace stet::diff
