#pragma once
// The observations `stet log` shows: a document's timeline (or every
// document's, merged in the same order), with what each changed, filtered
// by time, count and phrase.

#include "analysis/version_truncation.hpp"
#include "store/content_store.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stet::cli {

// One document as log reads it. Texts are loaded on demand.
struct LoggedDocument {
  std::string doc;
  std::vector<store::Version> versions;
  std::vector<analysis::VersionAssessment> checks;         // one per version
  std::vector<std::optional<std::string>> capture_errors;  // one per version: why its capture is an error page
  std::vector<std::optional<std::string>> texts;           // one per version, loaded on demand
};

enum class EntryKind { first, again, back };  // new text, same text seen again, an older text returns

struct LogEntry {
  LoggedDocument* document = nullptr;
  std::size_t version = 0;  // index into document->versions
  const store::Record* record = nullptr;
  EntryKind kind = EntryKind::first;
  std::optional<std::size_t> before;  // the version of the state before this observation
  std::size_t words_added = 0;        // against that state (filled by fill_word_changes)
  std::size_t words_removed = 0;
};

struct LogFilter {
  std::string since;      // RFC 3339 or date; empty: no bound
  std::string until;      // a plain date includes that whole day
  std::size_t limit = 0;  // 0: all; else only the latest `limit` entries
  std::string phrase;     // empty: every observation
};

// Reads `docs` (every document when empty) with their verdicts. Throws
// UsageError for an unknown document.
[[nodiscard]] std::vector<std::unique_ptr<LoggedDocument>> load_documents(const store::ContentStore& store,
                                                                          const std::vector<std::string>& docs);

// Every observation of `documents`, in timeline order (across documents:
// the same order, ties by document id), with `filter` applied. Throws
// UsageError for a malformed time. Entries point into `documents`.
[[nodiscard]] std::vector<LogEntry> log_entries(const store::ContentStore& store,
                                                std::vector<std::unique_ptr<LoggedDocument>>& documents,
                                                const LogFilter& filter);

// Sets words_added/words_removed of every entry (a word diff per change).
void fill_word_changes(const store::ContentStore& store, std::vector<LogEntry>& entries);

// The text of version `index` of `document`, loaded once.
[[nodiscard]] const std::string& version_text(const store::ContentStore& store, LoggedDocument& document,
                                              std::size_t index);

// Why the observation `entry` captured an error, challenge, consent or
// login page instead of the text (see analysis::capture_error), judged on
// its own record's HTTP status (a sighting has its own) and the version's
// text; nullopt for a good capture.
[[nodiscard]] std::optional<std::string> entry_capture_error(const store::ContentStore& store, const LogEntry& entry);

// When the record's text was seen, as recorded (retrieved, else ingested).
[[nodiscard]] const std::string& observed_text(const store::Record& record);

}  // namespace stet::cli
