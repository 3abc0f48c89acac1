#include "cli/log_entries.hpp"
#include "cli/capture_input.hpp"

#include "analysis/capture_verdict.hpp"
#include "analysis/phrase_search.hpp"
#include "cli/check_report.hpp"
#include "cli/context.hpp"
#include "cli/doc_ref.hpp"
#include "cli/revision.hpp"
#include "diff/word_diff.hpp"
#include "store/timeline.hpp"

#include <algorithm>

namespace stet::cli {

namespace {

store::TimeKey bound(const std::string& text, const char* option, bool end_of_day) {
  auto at = parse_user_time(text);
  if (!at) {
    throw UsageError(std::string("invalid ") + option + " '" + text + "': expected a date (2019-01-01) or RFC 3339");
  }
  if (end_of_day && text.size() == 10) {
    at->seconds += 24 * 60 * 60 - 1;
    at->nanos = 999999999;
  }
  return *at;
}

// The observations of one document in timeline order, with what each did.
std::vector<LogEntry> document_entries(LoggedDocument& document) {
  std::vector<LogEntry> out;
  std::optional<std::size_t> state;
  for (const store::Observation& o : store::timeline(document.versions)) {
    LogEntry entry{&document, o.version, o.record, EntryKind::first, state, 0, 0};
    if (!o.first) {
      entry.kind = state == o.version ? EntryKind::again : EntryKind::back;
    }
    if (state != o.version) {
      entry.before = state;
      state = o.version;
    } else {
      entry.before = o.version;
    }
    out.push_back(entry);
  }
  return out;
}

// Keeps the entries where the phrase's count differs from the one before
// (in the document's own timeline; the first counts against zero).
void keep_phrase_changes(const store::ContentStore& store, std::vector<LogEntry>& entries, const std::string& phrase) {
  std::string folded = analysis::searchable_text(phrase);
  if (folded.empty()) {
    throw UsageError("-S needs a phrase with at least one word");
  }
  std::vector<LogEntry> kept;
  std::optional<std::size_t> last;
  std::vector<std::optional<std::size_t>> counts;
  for (LogEntry& e : entries) {
    counts.resize(e.document->versions.size());
    if (!counts[e.version]) {
      counts[e.version] =
          analysis::count_phrase(analysis::searchable_text(version_text(store, *e.document, e.version)), folded);
    }
    std::size_t count = *counts[e.version];
    if (count != last.value_or(0)) {
      kept.push_back(e);
    }
    last = count;
  }
  entries = std::move(kept);
}

}  // namespace

const std::string& observed_text(const store::Record& record) {
  return record.retrieved_at.empty() || !store::time_key(record.retrieved_at) ? record.ingested_at
                                                                              : record.retrieved_at;
}

std::vector<std::unique_ptr<LoggedDocument>> load_documents(const store::ContentStore& store,
                                                            const std::vector<std::string>& docs) {
  std::vector<std::string> ids = docs;
  if (ids.empty()) {
    for (const store::DocumentSummary& summary : store.documents()) {
      ids.push_back(summary.id);
    }
  }
  std::vector<std::unique_ptr<LoggedDocument>> out;
  for (const std::string& id : ids) {
    auto document = std::make_unique<LoggedDocument>();
    document->doc = id;
    document->versions = require_history(store, id);
    std::vector<analysis::VersionText> texts = load_version_texts(store, id, document->versions);
    document->checks = assess_texts(store, id, texts);
    document->texts.resize(document->versions.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      document->capture_errors.push_back(capture_error_of(document->versions[i].ingest, texts[i].text));
      document->texts[i] = std::move(texts[i].text);
    }
    out.push_back(std::move(document));
  }
  return out;
}

const std::string& version_text(const store::ContentStore& store, LoggedDocument& document, std::size_t index) {
  if (!document.texts[index]) {
    document.texts[index] = cli::version_text(store, document.doc, document.versions[index]);
  }
  return *document.texts[index];
}

std::optional<std::string> entry_capture_error(const store::ContentStore& store, const LogEntry& entry) {
  const store::Version& v = entry.document->versions[entry.version];
  if (entry.record == &v.ingest) {
    return entry.document->capture_errors[entry.version];
  }
  return analysis::capture_error(
      {entry.record->http_status, v.ingest.title, version_text(store, *entry.document, entry.version)});
}

std::vector<LogEntry> log_entries(const store::ContentStore& store,
                                  std::vector<std::unique_ptr<LoggedDocument>>& documents, const LogFilter& filter) {
  std::optional<store::TimeKey> since, until;
  if (!filter.since.empty()) {
    since = bound(filter.since, "--since", false);
  }
  if (!filter.until.empty()) {
    until = bound(filter.until, "--until", true);
  }
  std::vector<LogEntry> entries;
  for (const auto& document : documents) {
    std::vector<LogEntry> own = document_entries(*document);
    if (!filter.phrase.empty()) {
      keep_phrase_changes(store, own, filter.phrase);
    }
    std::erase_if(own, [&](const LogEntry& e) {
      store::TimeKey at = store::observed_at(*e.record);
      return (since && at < *since) || (until && at > *until);
    });
    entries.insert(entries.end(), own.begin(), own.end());
  }
  std::stable_sort(entries.begin(), entries.end(), [](const LogEntry& a, const LogEntry& b) {
    if (store::observed_before(*a.record, *b.record)) {
      return true;
    }
    return !store::observed_before(*b.record, *a.record) && a.document->doc < b.document->doc;
  });
  if (filter.limit > 0 && entries.size() > filter.limit) {
    entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(filter.limit));
  }
  return entries;
}

void fill_word_changes(const store::ContentStore& store, std::vector<LogEntry>& entries) {
  diff::Options options;
  options.count_all_words = false;
  for (LogEntry& e : entries) {
    LoggedDocument* document = e.document;
    if (!e.before) {
      e.words_added = static_cast<std::size_t>(e.record->words);
      continue;
    }
    if (*e.before == e.version) {
      continue;
    }
    diff::DiffResult result =
        diff::word_diff(version_text(store, *document, *e.before), version_text(store, *document, e.version), options);
    e.words_added = result.stats.words_added;
    e.words_removed = result.stats.words_removed;
  }
}

}  // namespace stet::cli
