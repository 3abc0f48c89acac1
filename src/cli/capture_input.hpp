#pragma once
// Captured bytes as stet records them: the text form derived by
// src/capture for anything but plain UTF-8 text, and the record fields
// that describe it. The one place commands turn bytes into "the text".

#include "capture/capture.hpp"
#include "store/content_store.hpp"
#include "store/version.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace stet::cli {

struct CapturedText {
  capture::Capture capture;  // media type, charset, text form (when any), title
  std::string text;          // the text to analyse: the text form, else the bytes
};

// Derives the text of `bytes` (named `name` in errors). Throws UsageError
// "<name>: is a PDF document ..." for formats stet does not record, and
// "<name>: <problem>" when the resulting text is not acceptable text (see
// analysis::text_problem; a UTF-8 sequence cut at the very end is allowed:
// the truncation check reports it).
[[nodiscard]] CapturedText capture_text(const std::string& name, std::string_view bytes, std::string_view content_type,
                                        capture::TextMode mode);

// "visible" or "main"; throws UsageError otherwise.
[[nodiscard]] capture::TextMode parse_text_mode(const std::string& name);

// Sets media_type, charset and text_extractor of `record` from `captured`
// (left empty for plain UTF-8 text, so such records are unchanged).
void set_capture_fields(store::Record& record, const CapturedText& captured);

// The capture-error verdict of a version whose text is `text` (see
// analysis::capture_error); nullopt for a good capture.
[[nodiscard]] std::optional<std::string> capture_error_of(const store::Record& record, std::string_view text);

// The text of a version: its derived text form when its record names one,
// else its bytes. Every command that compares, checks or searches versions
// reads them through this. Throws store::Error when the store lacks it.
[[nodiscard]] std::string version_text(const store::ContentStore& store, const std::string& doc,
                                       const store::Version& version);

}  // namespace stet::cli
