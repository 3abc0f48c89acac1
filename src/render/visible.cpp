#include "render/visible.hpp"

#include "text/utf8.hpp"

#include <array>

namespace stet::cli {

namespace {

constexpr std::string_view k_hex = "0123456789abcdef";

void append_hex(std::string& out, std::string_view prefix, unsigned char byte) {
  out += prefix;
  out.push_back(k_hex[byte >> 4U]);
  out.push_back(k_hex[byte & 0x0FU]);
}

// The length of the well-formed UTF-8 sequence at `text[at]` (a byte >= 0x80),
// or 0 when it is not one.
std::size_t utf8_length(std::string_view text, std::size_t at) {
  std::size_t next = at;
  return text::decode(text, next) < 0 ? 0 : next - at;
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

std::string escaped(std::string_view text, bool keep_layout) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    auto c = static_cast<unsigned char>(text[at]);
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
      ++at;
    } else if (c < 0x80) {
      keep_layout && kept_in_text(text, at) ? out.push_back(static_cast<char>(c)) : append_control(out, c);
      ++at;
    } else if (std::size_t length = utf8_length(text, at); length == 0) {
      append_hex(out, "\\x", c);
      ++at;
    } else if (c == 0xC2 && static_cast<unsigned char>(text[at + 1]) < 0xA0) {
      append_hex(out, "\\u00", static_cast<unsigned char>(text[at + 1]));
      at += 2;
    } else {
      out.append(text.substr(at, length));
      at += length;
    }
  }
  return out;
}

}  // namespace

bool needs_escaping(std::string_view text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    auto c = static_cast<unsigned char>(text[at]);
    if (c >= 0x20 && c < 0x7F) {
      continue;
    }
    if (c < 0x80) {
      if (!kept_in_text(text, at)) {
        return true;
      }
      continue;
    }
    std::size_t length = utf8_length(text, at);
    if (length == 0 || (c == 0xC2 && static_cast<unsigned char>(text[at + 1]) < 0xA0)) {
      return true;
    }
    at += length - 1;
  }
  return false;
}

std::string visible(std::string_view value) { return escaped(value, false); }

std::string visible_text(std::string_view text) {
  return needs_escaping(text) ? escaped(text, true) : std::string(text);
}

}  // namespace stet::cli
