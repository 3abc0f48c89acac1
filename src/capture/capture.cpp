#include "capture/capture.hpp"

#include "capture/charset.hpp"

namespace stet::capture {

namespace {

// Valid UTF-8 but for a sequence cut at the very end: a cut capture of a
// UTF-8 text, which the truncation check reports; not another charset.
bool utf8_cut_at_end(std::string_view bytes) {
  std::size_t back = 0;
  while (back < 3 && back < bytes.size() &&
         (static_cast<unsigned char>(bytes[bytes.size() - 1 - back]) & 0xC0U) == 0x80U) {
    ++back;
  }
  if (back >= bytes.size()) {
    return false;
  }
  auto lead = static_cast<unsigned char>(bytes[bytes.size() - 1 - back]);
  std::size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 1;
  return need > back + 1 && valid_utf8(bytes.substr(0, bytes.size() - 1 - back));
}

bool has_bom(std::string_view bytes) { return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"); }

}  // namespace

std::string refusal_message(const MediaType& media) {
  if (media.kind == MediaKind::pdf) {
    return "is a PDF document (application/pdf); stet records text and web pages, not PDF: extract its text "
           "first (e.g. pdftotext -layout FILE.pdf FILE.txt, from poppler-utils), ingest that, and keep the PDF "
           "beside it";
  }
  return "is " + media.description + " (" + media.media_type +
         "), not text or a web page; stet records only text and HTML";
}

Capture derive_text(std::string_view bytes, std::string_view content_type, TextMode mode) {
  Capture out;
  out.media = sniff_media_type(bytes, content_type);
  if (out.media.kind == MediaKind::pdf || out.media.kind == MediaKind::binary) {
    throw RefusedError(refusal_message(out.media));
  }
  bool html = out.media.kind == MediaKind::html;
  auto declared = charset_parameter(content_type);
  if (!html && !declared && !has_bom(bytes) && (valid_utf8(bytes) || utf8_cut_at_end(bytes))) {
    out.charset = "utf-8";
    return out;
  }
  Decoded decoded = decode_to_utf8(bytes, declared.value_or(""), html);
  out.charset = decoded.charset;
  out.has_text_form = true;
  if (!html) {
    out.text = std::move(decoded.utf8);
    out.extractor = std::string(k_extractor_version) + " text";
    return out;
  }
  PageText page = extract_html(decoded, mode);
  out.text = std::move(page.text);
  out.title = std::move(page.title);
  out.words = std::move(page.words);
  out.extractor = std::string(k_extractor_version) + " html " + text_mode_name(mode);
  return out;
}

}  // namespace stet::capture
