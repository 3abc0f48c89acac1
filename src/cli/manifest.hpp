#pragma once
// Ingest manifests: one row per capture to record, as CSV with a header
// line or as JSON Lines (see docs/cli.md, "ingest --manifest"). Parsing
// only: no file is opened here.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stet::cli {

struct ManifestRow {
  std::size_t line = 0;  // 1-based line where the row starts
  std::string path;      // as written (relative to the manifest's folder unless absolute)
  std::string doc;
  std::string source;
  std::string retrieved;
  std::string title;
  std::string author;
};

struct ManifestProblem {
  std::size_t line = 0;
  std::string path;  // empty when the row has none
  std::string reason;
};

struct Manifest {
  std::vector<ManifestRow> rows;
  std::vector<ManifestProblem> problems;  // rows that could not be read, in line order
};

// Parses `text`: JSON Lines when the first non-blank character is '{',
// else CSV (RFC 4180 quoting) whose first line names the columns. Columns
// are path (required), doc, source, retrieved, title and author; an unknown
// column is a problem of line 1. Blank lines are skipped. A row without a
// path, with the wrong number of fields or malformed JSON becomes a
// problem; the other rows are still returned. Never throws.
[[nodiscard]] Manifest parse_manifest(std::string_view text);

}  // namespace stet::cli
