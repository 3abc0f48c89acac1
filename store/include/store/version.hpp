#pragma once
// Value types for what the store keeps: one record per ingest event, grouped
// into versions (distinct byte contents) of a document.

#include "store/digest.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stet::store {

// One ingest event: these bytes of this document were received from
// `source` at `retrieved_at` and recorded at `ingested_at`.
struct Record {
  std::string doc;
  Digest sha256;             // of the exact bytes
  Digest normalized_sha256;  // of the normalized text (see docs/store-format.md)
  std::uint64_t bytes = 0;
  std::uint64_t words = 0;
  std::string source;        // URL or free text; empty when unknown
  std::string retrieved_at;  // RFC 3339; empty when unknown
  std::string ingested_at;   // RFC 3339 UTC, e.g. 2026-11-28T02:05:46.123456Z
  std::string ingested_by;
  std::string title;
  std::optional<Digest> previous;  // latest version of `doc` when this was ingested
  std::string stet_version;
  // Position of this input in its ingest call (from 0), filled in by the
  // store; absent in records of format 1. Orders the inputs of one call.
  std::optional<std::uint64_t> input_index;

  // Capture fields (docs/store-format.md): written only when set, so a
  // record of plain UTF-8 text has none of them.
  std::string media_type;             // e.g. "text/html"; empty for plain UTF-8 text
  std::string charset;                // what the bytes were decoded from, e.g. "windows-1252"
  std::optional<Digest> text_sha256;  // of the derived text form stored beside the content
  std::string text_extractor;         // what derived it, e.g. "stet-capture/1 html visible"
  std::optional<int> http_status;     // of a web capture (WARC)
  std::string content_type;           // HTTP Content-Type of a web capture
  std::string warc_record_id;         // WARC-Record-ID the version was read from
  std::string warc_file;              // the WARC/WACZ file's name
  std::optional<Digest> warc_file_sha256;
  std::string warc_truncated;  // WARC-Truncated reason: the capture was cut when recorded

  bool operator==(const Record&) const = default;
};

// A derived text form kept in a version folder (file text-<sha256>).
struct TextObject {
  Digest sha256;
  std::string object_id;  // git blob id (hex)
};

// A distinct content of a document. Versions are numbered from 1 in the
// order of their first observation (see store/timeline.hpp).
struct Version {
  int number = 0;
  Digest sha256;
  Record ingest;                  // the first observation of these bytes
  std::vector<Record> sightings;  // later observations of the same bytes, in timeline order
  std::string object_id;          // git blob id (hex) of the content
  std::vector<TextObject> texts;  // derived text forms, by SHA-256
};

struct DocumentSummary {
  std::string id;
  int versions = 0;
  std::string last_ingested_at;
};

// What the caller hands to ContentStore::ingest for one input.
// `record.previous` is ignored: the store fills it in.
// With `text`, the store keeps it beside the content as the version's
// derived text form and sets `record.text_sha256`.
struct IngestItem {
  Record record;
  std::string content;
  std::optional<std::string> text;
};

enum class IngestStatus { added, unchanged };

struct IngestOutcome {
  std::string doc;
  int version = 0;  // the number of the version these bytes are (new or old)
  Digest sha256;
  IngestStatus status = IngestStatus::added;
  std::optional<Digest> previous;
};

}  // namespace stet::store
