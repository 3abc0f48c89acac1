#include "capture/charset.hpp"

#include "capture/media_type.hpp"
#include "capture/text_util.hpp"

#include "text/transcode.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <utility>

namespace stet::capture {

namespace {

// WHATWG label aliases that matter in practice.
std::string canonical_label(std::string label) {
  label = ascii_lower(trim(label));
  if (label == "utf8" || label == "unicode-1-1-utf-8") {
    return "utf-8";
  }
  if (label == "iso-8859-1" || label == "latin1" || label == "us-ascii" || label == "ascii" || label == "l1" ||
      label == "iso8859-1" || label == "cp1252") {
    return "windows-1252";
  }
  if (label == "x-sjis" || label == "shift-jis" || label == "sjis") {
    return "shift_jis";
  }
  if (label == "gb2312" || label == "gbk" || label == "x-gbk") {
    return "gbk";
  }
  return label;
}

// Converts with ICU, keeping for each output byte the input offset.
Decoded convert(std::string_view bytes, const std::string& label, std::uint32_t skip) {
  text::Transcoded t = text::transcode_to_utf8(bytes, label, skip);
  Decoded out;
  out.charset = label;
  out.utf8 = std::move(t.utf8);
  out.source_offsets = std::move(t.source_offsets);
  return out;
}

std::string detect(std::string_view bytes) {
  text::Detected found = text::detect_charset(bytes);
  if (found.name.empty() || found.confidence < 10) {
    return "windows-1252";
  }
  std::string name = canonical_label(found.name);
  if (name == "utf-8" || name.starts_with("utf-16") || name.starts_with("utf-32")) {
    return "windows-1252";  // invalid UTF-8 and no BOM: not a Unicode encoding
  }
  return name;
}

}  // namespace

std::uint32_t Decoded::source_offset(std::size_t at) const {
  if (source_offsets.empty()) {
    return static_cast<std::uint32_t>(at) + shift;
  }
  return at < source_offsets.size() ? source_offsets[at] : (source_offsets.empty() ? 0 : source_offsets.back());
}

bool valid_utf8(std::string_view bytes) { return text::valid_utf8(bytes); }

std::string meta_charset(std::string_view html) {
  std::string head = ascii_lower(html.substr(0, 4096));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    std::size_t end = head.find('>', pos);
    std::string_view tag = std::string_view(head).substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (auto value = charset_parameter(tag)) {
      std::string label = *value;
      // A page that reached us as ASCII-compatible bytes cannot be UTF-16.
      return label.starts_with("utf-16") ? std::string("utf-8") : label;
    }
    pos += 5;
  }
  return {};
}

Decoded decode_to_utf8(std::string_view bytes, std::string_view declared, bool html) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    Decoded out{std::string(bytes.substr(3)), "utf-8", {}, 3};
    if (!valid_utf8(out.utf8)) {
      return convert(bytes, "utf-8", 3);
    }
    return out;
  }
  if (bytes.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) {
    return convert(bytes, "utf-32le", 4);
  }
  if (bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return convert(bytes, "utf-32be", 4);
  }
  if (bytes.starts_with("\xFF\xFE")) {
    return convert(bytes, "utf-16le", 2);
  }
  if (bytes.starts_with("\xFE\xFF")) {
    return convert(bytes, "utf-16be", 2);
  }
  // Valid UTF-8 with non-ASCII bytes is UTF-8 whatever a header or <meta>
  // says: pages re-saved as UTF-8 often keep their old declaration, and
  // legacy text is almost never valid UTF-8 by accident.
  bool non_ascii =
      std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (non_ascii && valid_utf8(bytes)) {
    return {std::string(bytes), "utf-8", {}, 0};
  }
  std::string label = canonical_label(std::string(declared));
  if ((label.empty() || !text::charset_known(label)) && html) {
    label = canonical_label(meta_charset(bytes));
  }
  if (label.empty() || !text::charset_known(label)) {
    label = valid_utf8(bytes) ? "utf-8" : detect(bytes);
  }
  if (label == "utf-8" && valid_utf8(bytes)) {
    return {std::string(bytes), "utf-8", {}, 0};
  }
  return convert(bytes, label, 0);
}

}  // namespace stet::capture
