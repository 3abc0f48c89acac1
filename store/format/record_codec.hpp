#pragma once
// (private) Records as JSON files in the tree and as git trailers in commit
// messages. The JSON form is canonical (sorted keys, fixed indentation), so
// a record's bytes are a pure function of its fields.

#include "store/version.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace stet::store::codec {

// Format 2 adds `input_index`; format 1 records (without it) are still read.
inline constexpr int k_record_format = 2;

// A record with an `input_index` is written as format 2, one without it as
// format 1 (so a format-1 record read back encodes to the same bytes).
[[nodiscard]] std::string record_to_json(const Record& record);

// Parses and validates a record file. Throws Error naming the first
// problem (not JSON, a missing or mistyped field, a malformed digest).
[[nodiscard]] Record record_from_json(std::string_view json);

// The commit message of one ingest: a subject line, then one block of
// `Stet-*` trailers per record, in input order.
[[nodiscard]] std::string commit_message(const std::vector<Record>& records, const std::vector<IngestStatus>& statuses);

}  // namespace stet::store::codec
