#pragma once
// `stet ingest --warc`: the captures of a WARC or WACZ file as inputs, one
// per response/resource record with a text or HTML payload, with their
// provenance; revisit records as sightings of the payload they refer to.

#include "cli/input_files.hpp"

#include <string>
#include <vector>

namespace stet::cli {

struct WarcInputs {
  std::vector<InputDocument> inputs;  // stem = the document id from the URI
  std::vector<std::string> warnings;  // digest mismatches, skipped revisits (one line each)
  std::size_t skipped = 0;            // records that are not text captures (requests, images, redirects, ...)
};

// Reads `path` (.warc, .warc.gz, .wacz; recognised by content, not name).
// Throws UsageError naming the file and the record offset for bad input
// (see capture::read_warc, capture::read_wacz); then nothing is returned.
[[nodiscard]] WarcInputs read_warc_inputs(const std::string& path, const std::string& doc_prefix,
                                          capture::TextMode mode);

}  // namespace stet::cli
