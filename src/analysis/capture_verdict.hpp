#pragma once
// Error and challenge pages: a capture that recorded an HTTP error, or a
// page that is an error, bot challenge, consent wall or login form instead
// of the text. Its verdict is `capture-error`, distinct from truncation.

#include <optional>
#include <string>
#include <string_view>

namespace stet::analysis {

struct CaptureFacts {
  std::optional<int> http_status;  // when the capture recorded one (WARC)
  std::string_view title;          // the page's title (or first line)
  std::string_view text;           // the text form (or the text)
};

// Nullopt for a good capture; else one phrase saying why it is not, e.g.
// "HTTP 404", "an error page ('Page not found')", "a bot challenge ('Just a
// moment...')". Uses the status, title and heading phrases in several
// languages and the text's size (a long text is an article about errors, not
// an error page); nothing keyed to a site.
[[nodiscard]] std::optional<std::string> capture_error(const CaptureFacts& facts);

}  // namespace stet::analysis
