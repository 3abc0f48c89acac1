#pragma once
// Revisions of a document (the REV of DOC@REV), resolved on its timeline:
// version numbers, SHA-256 prefixes, first, latest, dates and ~N steps; and
// the times people type (RFC 3339 or a plain date).

#include "store/timeline.hpp"
#include "store/version.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace stet::cli {

// One state of a document: its text from one observation until the next
// observation of a different text (the timeline with repeats collapsed).
struct State {
  std::size_t version = 0;               // index into the versions
  const store::Record* since = nullptr;  // the observation that brought this text back or in
};

// The states of `versions`, oldest first. The result points into `versions`.
[[nodiscard]] std::vector<State> states_of(const std::vector<store::Version>& versions);

// `text` as an instant: RFC 3339, or a plain `YYYY-MM-DD` (that day's
// 00:00:00 UTC). nullopt for anything else.
[[nodiscard]] std::optional<store::TimeKey> parse_user_time(const std::string& text);

// `text` spelled as RFC 3339 for a record: a plain date gains `T00:00:00Z`,
// an RFC 3339 time is kept as typed; nullopt for anything else.
[[nodiscard]] std::optional<std::string> rfc3339_from_user(const std::string& text);

// The index (into `versions`) of the version `rev` names: empty or
// `latest` (the latest state), `first`, a number, 8-64 hex digits of a
// SHA-256, a date or RFC 3339 time (the state at that moment), each
// optionally followed by `~N` (N states earlier; `~` alone is 1). Throws
// UsageError when it names none (a date before the first observation names
// the first one). REQUIRES: `versions` non-empty, ordered (store history).
[[nodiscard]] std::size_t resolve_revision_index(const std::vector<store::Version>& versions, const std::string& doc,
                                                 const std::string& rev);

}  // namespace stet::cli
