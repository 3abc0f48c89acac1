#pragma once
// What one `stet ingest` call records: the inputs with their provenance
// (from the options or from a manifest's rows), checked before anything is
// written, with every bad input collected rather than only the first.

#include "cli/context.hpp"
#include "cli/input_files.hpp"

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace stet::cli {

// The provenance of one input. Empty fields take the call's defaults.
struct InputMeta {
  std::string doc;
  std::string source;
  std::string retrieved;  // RFC 3339 (already checked)
  std::string title;
  std::string author;
};

struct BadInput {
  std::size_t line = 0;  // manifest line; 0 for a command-line input
  std::string path;
  std::string reason;
};

struct Batch {
  std::vector<InputDocument> inputs;
  std::vector<InputMeta> metas;  // one per input
  std::vector<BadInput> bad;
};

// `text` (RFC 3339 or a plain date) as the RFC 3339 a record keeps. Throws
// UsageError for anything else or a time more than a day after `now`.
[[nodiscard]] std::string checked_retrieved(const std::string& text, std::chrono::system_clock::time_point now);

// Throws UsageError naming both paths when two inputs of different folders
// would get the same document id from their file names (`explicit_id[i]`
// true: the id was given, so it is not checked).
void refuse_clashing_stems(const std::vector<InputDocument>& inputs, const std::vector<std::string>& ids,
                           const std::vector<bool>& explicit_id);

// Reads the manifest at `path` and every file it names (relative to the
// manifest's folder), with `defaults` for empty columns. Bad rows and
// unreadable files are collected in `bad`, never thrown; `progress` (may be
// null) gets a counter. Throws UsageError when the manifest itself cannot be read.
[[nodiscard]] Batch read_manifest_batch(const std::string& path, const InputMeta& defaults, const Environment& env,
                                        std::ostream* progress);

// One line naming every bad input: "N bad rows ...: line L (path): reason; ...".
[[nodiscard]] std::string describe_bad(const std::vector<BadInput>& bad, const std::string& what);

}  // namespace stet::cli
