#pragma once
// What a captured file is, judged from its bytes (and a declared
// Content-Type when there is one): HTML, plain text, PDF, or another binary
// format stet does not read.

#include <optional>
#include <string>
#include <string_view>

namespace stet::capture {

enum class MediaKind { text, html, pdf, binary };

struct MediaType {
  MediaKind kind = MediaKind::text;
  std::string media_type;   // e.g. "text/html", "text/plain", "application/pdf"
  std::string description;  // for refusals: "a PNG image", "a gzip archive", ...
};

// Sniffs `bytes`. `declared` is an HTTP Content-Type value ("text/html;
// charset=utf-8"), empty when unknown; it decides between HTML and plain
// text, but magic numbers of binary formats win over it. Byte-order marks
// make UTF-16/32 text. Never throws.
[[nodiscard]] MediaType sniff_media_type(std::string_view bytes, std::string_view declared = {});

// The media type part of a Content-Type value, lowercase, without
// parameters ("text/html"); empty when `content_type` is empty.
[[nodiscard]] std::string essence(std::string_view content_type);

// The charset parameter of a Content-Type value, lowercase; nullopt when absent.
[[nodiscard]] std::optional<std::string> charset_parameter(std::string_view content_type);

}  // namespace stet::capture
