#include "render/visible.hpp"

#include "text/utf8.hpp"

namespace stet::cli {

namespace {

constexpr std::string_view k_hex = "0123456789abcdef";

void append_hex(std::string& out, std::string_view prefix, unsigned char byte) {
  out += prefix;
  out.push_back(k_hex[byte >> 4U]);
  out.push_back(k_hex[byte & 0x0FU]);
}

// `\uXXXX`, or `\UXXXXXXXX` above the BMP.
void append_code_point(std::string& out, std::int32_t c) {
  auto value = static_cast<std::uint32_t>(c);
  int digits = value > 0xFFFF ? 8 : 4;
  out += digits == 8 ? "\\U" : "\\u";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out.push_back(k_hex[(value >> static_cast<unsigned>(shift)) & 0x0FU]);
  }
}

bool bidi_control(std::int32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Invisible characters that can hide or disguise text: zero-width space, word
// joiner and invisible operators, deprecated format controls, line and
// paragraph separators, the zero-width no-break space (BOM), interlinear
// annotation controls, and tag characters (which can carry hidden ASCII).
bool hiding_format(std::int32_t c) {
  return c == 0x200B || (c >= 0x2028 && c <= 0x2029) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x206A && c <= 0x206F) ||
         c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) || c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F);
}

// Format characters that scripts need (ZWNJ and ZWJ in Persian, Indic
// scripts and emoji) or that are common and harmless in documents (the soft
// hyphen): shown as escapes in metadata only.
bool metadata_only_format(std::int32_t c) { return c == 0x00AD || c == 0x200C || c == 0x200D; }

// Whether the non-ASCII code point `c` is shown as an escape: C1 controls
// (U+0080 to U+009F), bidirectional controls and hiding format characters;
// in metadata (`in_text` false) also the format characters of
// metadata_only_format().
bool shown_escaped(std::int32_t c, bool in_text) {
  return c < 0xA0 || bidi_control(c) || hiding_format(c) || (!in_text && metadata_only_format(c));
}

bool kept_in_text(std::string_view text, std::size_t at) {
  char c = text[at];
  return c == '\t' || c == '\n' || (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n');
}

void append_control(std::string& out, unsigned char c) {
  if (c == '\t') {
    out += "\\t";
  } else if (c == '\n') {
    out += "\\n";
  } else if (c == '\r') {
    out += "\\r";
  } else {
    append_hex(out, "\\x", c);
  }
}

std::string escaped(std::string_view text, bool in_text) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    auto c = static_cast<unsigned char>(text[at]);
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
      ++at;
      continue;
    }
    if (c < 0x80) {
      in_text&& kept_in_text(text, at) ? out.push_back(static_cast<char>(c)) : append_control(out, c);
      ++at;
      continue;
    }
    std::size_t next = at;
    std::int32_t code_point = text::decode(text, next);
    if (code_point < 0) {
      append_hex(out, "\\x", c);  // each byte of an ill-formed sequence on its own
      ++at;
      continue;
    }
    if (shown_escaped(code_point, in_text)) {
      append_code_point(out, code_point);
    } else {
      out.append(text.substr(at, next - at));
    }
    at = next;
  }
  return out;
}

bool needs_escaping(std::string_view text, bool in_text) {
  std::size_t at = 0;
  while (at < text.size()) {
    auto c = static_cast<unsigned char>(text[at]);
    if (c >= 0x20 && c < 0x7F) {
      ++at;
      continue;
    }
    if (c < 0x80) {
      if (!in_text || !kept_in_text(text, at)) {
        return true;
      }
      ++at;
      continue;
    }
    std::int32_t code_point = text::decode(text, at);
    if (code_point < 0 || shown_escaped(code_point, in_text)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool needs_escaping(std::string_view text) { return needs_escaping(text, true); }

std::string visible(std::string_view value) {
  return needs_escaping(value, false) ? escaped(value, false) : std::string(value);
}

std::string visible_text(std::string_view text) {
  return needs_escaping(text, true) ? escaped(text, true) : std::string(text);
}

}  // namespace stet::cli
