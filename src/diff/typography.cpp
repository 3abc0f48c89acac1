#include "diff/typography.hpp"

#include "diff/utf8.hpp"

#include <array>
#include <utility>

namespace stet::diff {

namespace {

// Replacement for code point `c`; nullptr keeps it. "" removes it.
const char* replacement(int c) {
  static constexpr std::array<std::pair<int, const char*>, 33> k_table{{
      {0x00A0, " "},   {0x00AD, ""},    {0x2002, " "},   {0x2003, " "},   {0x2004, " "},   {0x2005, " "},
      {0x2006, " "},   {0x2007, " "},   {0x2008, " "},   {0x2009, " "},   {0x200A, " "},   {0x2010, "-"},
      {0x2011, "-"},   {0x2012, "-"},   {0x2013, "-"},   {0x2014, "-"},   {0x2015, "-"},   {0x2018, "'"},
      {0x2019, "'"},   {0x201A, "'"},   {0x201B, "'"},   {0x201C, "\""},  {0x201D, "\""},  {0x201E, "\""},
      {0x201F, "\""},  {0x2026, "..."}, {0x202F, " "},   {0x2032, "'"},   {0x2033, "\""},  {0x2212, "-"},
      {0xFB00, "ff"},  {0xFB01, "fi"},  {0xFB02, "fl"},
  }};
  static constexpr std::array<std::pair<int, const char*>, 4> k_more{{
      {0xFB03, "ffi"}, {0xFB04, "ffl"}, {0xFB05, "st"}, {0xFB06, "st"},
  }};
  for (const auto& [from, to] : k_table) {
    if (from == c) {
      return to;
    }
  }
  for (const auto& [from, to] : k_more) {
    if (from == c) {
      return to;
    }
  }
  return nullptr;
}

}  // namespace

std::string fold_typography(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    int c = next_code_point(text, i);
    const char* to = c >= 0x80 ? replacement(c) : nullptr;
    if (to != nullptr) {
      out += to;
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace stet::diff
