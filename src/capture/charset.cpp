#include "capture/charset.hpp"

#include "capture/media_type.hpp"
#include "capture/text_util.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

namespace stet::capture {

namespace {

struct ConverterClose {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorClose {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

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

bool ucnv_knows(const std::string& label) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> c(ucnv_open(label.c_str(), &status));
  return U_SUCCESS(status) && c != nullptr;
}

void append_utf8(std::string& out, std::vector<std::uint32_t>& offsets, std::uint32_t u, std::uint32_t from) {
  char buffer[4];
  std::size_t n = 0;
  if (u < 0x80) {
    buffer[n++] = static_cast<char>(u);
  } else if (u < 0x800) {
    buffer[n++] = static_cast<char>(0xC0 | (u >> 6));
    buffer[n++] = static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    buffer[n++] = static_cast<char>(0xE0 | (u >> 12));
    buffer[n++] = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    buffer[n++] = static_cast<char>(0x80 | (u & 0x3F));
  } else {
    buffer[n++] = static_cast<char>(0xF0 | (u >> 18));
    buffer[n++] = static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    buffer[n++] = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    buffer[n++] = static_cast<char>(0x80 | (u & 0x3F));
  }
  out.append(buffer, n);
  offsets.insert(offsets.end(), n, from);
}

// Converts with ICU, keeping for each output byte the input offset.
Decoded convert(std::string_view bytes, const std::string& label, std::uint32_t skip) {
  Decoded out;
  out.charset = label;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> cnv(ucnv_open(label.c_str(), &status));
  if (U_FAILURE(status)) {
    return out;
  }
  std::string_view body = bytes.substr(skip);
  std::vector<UChar> units(body.size() + 16);
  std::vector<std::int32_t> unit_offsets(units.size());
  UChar* target = units.data();
  const char* source = body.data();
  ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &source, body.data() + body.size(),
                 unit_offsets.data(), true, &status);
  auto count = static_cast<std::size_t>(target - units.data());
  out.utf8.reserve(count);
  out.source_offsets.reserve(count);
  for (std::size_t i = 0; i < count;) {
    std::size_t start = i;
    std::uint32_t cp = units[i++];
    if (cp >= 0xD800 && cp <= 0xDBFF && i < count && units[i] >= 0xDC00 && units[i] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(units[i++]) - 0xDC00);
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;  // an unpaired surrogate
    }
    auto from = static_cast<std::uint32_t>(std::max<std::int32_t>(0, unit_offsets[start])) + skip;
    append_utf8(out.utf8, out.source_offsets, cp, from);
  }
  return out;
}

std::string detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> det(ucsdet_open(&status));
  if (U_FAILURE(status)) {
    return "windows-1252";
  }
  auto size = static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20));
  ucsdet_setText(det.get(), bytes.data(), size, &status);
  ucsdet_enableInputFilter(det.get(), true);  // ignore markup when judging
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr || ucsdet_getConfidence(match, &status) < 10) {
    return "windows-1252";
  }
  std::string name = canonical_label(ucsdet_getName(match, &status));
  if (U_FAILURE(status) || name == "utf-8" || name.starts_with("utf-16") || name.starts_with("utf-32")) {
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

bool valid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > n) {
      return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0U) != 0x80U) {
        return false;
      }
    }
    if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] > 0x9F) || (c == 0xF0 && p[i + 1] < 0x90) ||
        (c == 0xF4 && p[i + 1] > 0x8F)) {
      return false;
    }
    i += len;
  }
  return true;
}

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
  bool non_ascii = std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (non_ascii && valid_utf8(bytes)) {
    return {std::string(bytes), "utf-8", {}, 0};
  }
  std::string label = canonical_label(std::string(declared));
  if ((label.empty() || !ucnv_knows(label)) && html) {
    label = canonical_label(meta_charset(bytes));
  }
  if (label.empty() || !ucnv_knows(label)) {
    label = valid_utf8(bytes) ? "utf-8" : detect(bytes);
  }
  if (label == "utf-8" && valid_utf8(bytes)) {
    return {std::string(bytes), "utf-8", {}, 0};
  }
  return convert(bytes, label, 0);
}

}  // namespace stet::capture
