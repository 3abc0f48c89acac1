#include "cli/capture_input.hpp"

#include "analysis/capture_verdict.hpp"
#include "analysis/text_form.hpp"
#include "analysis/words.hpp"
#include "cli/context.hpp"
#include "cli/doc_ref.hpp"
#include "store/error.hpp"

namespace stet::cli {

CapturedText capture_text(const std::string& name, std::string_view bytes, std::string_view content_type,
                          capture::TextMode mode) {
  CapturedText out;
  try {
    out.capture = capture::derive_text(bytes, content_type, mode);
  } catch (const capture::RefusedError& e) {
    throw UsageError(name + ": " + e.what());
  }
  out.text = out.capture.has_text_form ? out.capture.text : std::string(bytes);
  std::string_view whole(out.text);
  whole = whole.substr(0, whole.size() - analysis::incomplete_utf8_tail(whole));
  if (auto problem = analysis::text_problem(whole)) {
    throw UsageError(name + ": " + *problem);
  }
  return out;
}

capture::TextMode parse_text_mode(const std::string& name) {
  auto mode = capture::parse_text_mode(name);
  if (!mode) {
    throw UsageError("invalid --text-mode '" + name + "': use visible or main");
  }
  return *mode;
}

void set_capture_fields(store::Record& record, const CapturedText& captured) {
  const capture::Capture& c = captured.capture;
  if (!c.has_text_form) {
    return;
  }
  record.media_type = c.media.media_type;
  record.charset = c.charset;
  record.text_extractor = c.extractor;
}

std::optional<std::string> capture_error_of(const store::Record& record, std::string_view text) {
  return analysis::capture_error({record.http_status, record.title, text});
}

std::string version_text(const store::ContentStore& store, const std::string& doc, const store::Version& version) {
  const auto& text = version.ingest.text_sha256;
  if (!text) {
    return require_content(store, doc, version);
  }
  auto form = store.text_form(doc, version.sha256, *text);
  if (!form) {
    throw store::Error("the text form of " + doc + "@" + std::to_string(version.number) + " cannot be read");
  }
  return *form;
}

}  // namespace stet::cli
