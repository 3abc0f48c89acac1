#include "capture/media_type.hpp"

#include "capture/text_util.hpp"

#include <array>

namespace stet::capture {

namespace {

struct Magic {
  std::string_view prefix;
  std::size_t at;
  const char* media_type;
  const char* description;
};

// Signatures of common binary formats (offset, bytes). Checked before any
// text heuristics: a declared text/html does not make a PNG a page.
constexpr std::array<Magic, 22> k_magic{{
    {"%PDF-", 0, "application/pdf", "a PDF document"},
    {"\x89PNG\r\n\x1a\n", 0, "image/png", "a PNG image"},
    {"\xFF\xD8\xFF", 0, "image/jpeg", "a JPEG image"},
    {"GIF87a", 0, "image/gif", "a GIF image"},
    {"GIF89a", 0, "image/gif", "a GIF image"},
    {"WEBP", 8, "image/webp", "a WebP image"},
    {"PK\x03\x04", 0, "application/zip", "a zip archive (also docx, odt, epub, wacz)"},
    {"\x1F\x8B", 0, "application/gzip", "a gzip-compressed file"},
    {"BZh", 0, "application/x-bzip2", "a bzip2-compressed file"},
    {"\xFD"
     "7zXZ",
     0, "application/x-xz", "an xz-compressed file"},
    {"7z\xBC\xAF\x27\x1C", 0, "application/x-7z-compressed", "a 7-Zip archive"},
    {"\x28\xB5\x2F\xFD", 0, "application/zstd", "a zstd-compressed file"},
    {"\x7F"
     "ELF",
     0, "application/x-executable", "an ELF executable"},
    {"MZ", 0, "application/x-msdownload", "a Windows executable"},
    {"SQLite format 3", 0, "application/vnd.sqlite3", "an SQLite database"},
    {"ID3", 0, "audio/mpeg", "an MP3 audio file"},
    {"ftyp", 4, "video/mp4", "an MP4/QuickTime media file"},
    {"OggS", 0, "audio/ogg", "an Ogg media file"},
    {"wOFF", 0, "font/woff", "a WOFF font"},
    {"wOF2", 0, "font/woff2", "a WOFF2 font"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0, "application/x-ole-storage", "an old Microsoft Office document"},
    {"ustar", 257, "application/x-tar", "a tar archive"},
}};

bool has_bom(std::string_view bytes) {
  return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
         bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4));
}

// Looks at the start of the text (any ASCII-compatible charset) for the
// markers of an HTML document, as browsers' sniffing does.
bool looks_like_html(std::string_view bytes) {
  std::string head = ascii_lower(bytes.substr(0, 1024));
  std::size_t first = head.find_first_not_of(" \t\r\n\f\xEF\xBB\xBF");
  if (first == std::string::npos || head[first] != '<') {
    return false;
  }
  for (const char* marker : {"<!doctype html", "<html", "<head", "<body", "<title", "<meta", "<script", "<!--", "<div",
                             "<p>", "<table", "<?xml"}) {
    if (head.compare(first, std::string_view(marker).size(), marker) == 0) {
      return std::string_view(marker) != "<?xml" || head.find("<html") != std::string::npos;
    }
  }
  return false;
}

// Nullopt for text; else why the bytes look binary.
std::optional<std::string> binary_evidence(std::string_view bytes) {
  std::size_t sample = std::min<std::size_t>(bytes.size(), 8192);
  std::size_t controls = 0;
  if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return "binary data (a NUL byte at offset " + std::to_string(nul) + ")";
  }
  for (std::size_t i = 0; i < sample; ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    controls += (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ? 1 : 0;
  }
  if (controls * 20 > sample) {  // more than 5% control bytes
    return "binary data (" + std::to_string(controls) + " control bytes in the first " + std::to_string(sample) + ")";
  }
  return std::nullopt;
}

}  // namespace

std::string essence(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  return ascii_lower(trim(type));
}

std::optional<std::string> charset_parameter(std::string_view content_type) {
  std::string lower = ascii_lower(content_type);
  std::size_t at = lower.find("charset");
  if (at == std::string::npos) {
    return std::nullopt;
  }
  std::size_t eq = lower.find('=', at);
  if (eq == std::string::npos) {
    return std::nullopt;
  }
  std::string_view value = trim(std::string_view(lower).substr(eq + 1));
  value = value.substr(0, value.find_first_of(";, \t>/"));
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
    value.remove_prefix(1);
  }
  value = value.substr(0, value.find_first_of("\"'"));
  if (value.empty()) {
    return std::nullopt;
  }
  return std::string(value);
}

MediaType sniff_media_type(std::string_view bytes, std::string_view declared) {
  for (const Magic& m : k_magic) {
    if (bytes.size() >= m.at + m.prefix.size() && bytes.substr(m.at, m.prefix.size()) == m.prefix) {
      if (m.prefix == "WEBP" && !bytes.starts_with("RIFF")) {
        continue;
      }
      MediaKind kind = m.prefix == "%PDF-" ? MediaKind::pdf : MediaKind::binary;
      return {kind, m.media_type, m.description};
    }
  }
  std::string type = essence(declared);
  bool declared_html = type == "text/html" || type == "application/xhtml+xml";
  if (auto evidence = has_bom(bytes) ? std::nullopt : binary_evidence(bytes)) {
    return {MediaKind::binary, type.empty() ? "application/octet-stream" : type, *evidence};
  }
  std::string ascii = has_bom(bytes) ? ascii_view_of_wide(bytes.substr(0, 2048)) : std::string(bytes.substr(0, 1024));
  // A declared text/plain is honoured (as browsers do); otherwise the
  // bytes decide.
  if (declared_html || (type != "text/plain" && looks_like_html(ascii))) {
    return {MediaKind::html, "text/html", "an HTML page"};
  }
  return {MediaKind::text, "text/plain", "plain text"};
}

}  // namespace stet::capture
