#pragma once
// From the bytes of a capture to the text stet compares: what the bytes are
// (media type, charset) and, for anything but plain UTF-8 text, a derived
// text form. Pure: no I/O. See docs/capture.md.

#include "capture/html_text.hpp"
#include "capture/media_type.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace stet::capture {

// Names the extraction rules; recorded with every text form. It changes
// whenever a change of the code could change a text form.
inline constexpr std::string_view k_extractor_version = "stet-capture/1";

// A capture stet does not read (a PDF, an image, an archive, ...); what()
// is one line naming the format and what to do.
class RefusedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Capture {
  MediaType media;
  std::string charset;  // "utf-8", "windows-1252", "utf-16le", ...
  // False for plain UTF-8 text: the bytes are the text and nothing is derived.
  bool has_text_form = false;
  std::string text;             // the text form, when has_text_form
  std::string title;            // the page's title (HTML only; may be empty)
  std::vector<WordSpan> words;  // HTML only: each word's offset in the bytes
  std::string extractor;        // e.g. "stet-capture/1 html visible"
};

// Derives the text of `bytes`. `content_type` is the HTTP Content-Type when
// known (WARC), else empty. Throws RefusedError for PDFs and other binary
// formats. The same arguments give the same result on every machine with
// the same ICU charset tables.
[[nodiscard]] Capture derive_text(std::string_view bytes, std::string_view content_type, TextMode mode);

// The one-line refusal for `media` (which must be pdf or binary).
[[nodiscard]] std::string refusal_message(const MediaType& media);

}  // namespace stet::capture
