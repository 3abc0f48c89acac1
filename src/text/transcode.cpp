#include "text/transcode.hpp"

#include "text/utf8.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

namespace stet::text {

namespace {

struct ConverterClose {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorClose {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

}  // namespace

bool charset_known(const std::string& label) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> c(ucnv_open(label.c_str(), &status));
  return U_SUCCESS(status) && c != nullptr;
}

Transcoded transcode_to_utf8(std::string_view bytes, const std::string& label, std::uint32_t skip) {
  Transcoded out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> cnv(ucnv_open(label.c_str(), &status));
  if (U_FAILURE(status)) {
    return out;
  }
  out.ok = true;
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
    std::size_t n = encode(static_cast<char32_t>(cp), out.utf8);
    out.source_offsets.insert(out.source_offsets.end(), n, from);
  }
  return out;
}

Detected detect_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> det(ucsdet_open(&status));
  if (U_FAILURE(status)) {
    return {};
  }
  auto size = static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20));
  ucsdet_setText(det.get(), bytes.data(), size, &status);
  ucsdet_enableInputFilter(det.get(), true);  // ignore markup when judging
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) {
    return {};
  }
  Detected out;
  out.confidence = ucsdet_getConfidence(match, &status);
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) {
    return {};
  }
  out.name = name;
  return out;
}

}  // namespace stet::text
