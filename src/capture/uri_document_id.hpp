#pragma once
// The document id of a web capture, derived from its URI (see
// docs/capture.md "Document ids from URIs").

#include <string>
#include <string_view>

namespace stet::capture {

// `prefix` (may be empty) + host + path, lowercased, every run of
// characters outside [a-z0-9._-] turned into '-', segments trimmed to start
// and end with a letter or digit, a trailing '/' (or an empty path) as
// "index", a query as a last segment "q-<16 hex of its FNV-1a hash>", and
// ids longer than 200 characters cut and ended with such a hash of the
// whole URI. wget's <angle brackets> and surrounding space are removed; the
// scheme, user info, port and fragment are dropped (the port kept as
// "host-port" when not 80 or 443). Empty when no id can be made.
[[nodiscard]] std::string document_id_for_uri(std::string_view uri, std::string_view prefix);

// A WARC-Target-URI without wget's angle brackets and surrounding space.
[[nodiscard]] std::string clean_target_uri(std::string_view uri);

}  // namespace stet::capture
