#pragma once
// A small, strict WARC 1.0/1.1 reader: plain or gzip (one member per
// record, or one for the whole file), records with their headers and
// blocks, and the HTTP message inside response records. No I/O: the
// caller hands in the file's bytes.

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stet::capture {

// Bad input. what() names the file and the byte offset of the record (or
// gzip member) at fault.
class WarcError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A body in a content encoding stet cannot decode (br, zstd): the record
// is skipped, not the file.
class UnsupportedEncoding : public WarcError {
 public:
  using WarcError::WarcError;
};

struct WarcRecord {
  std::uint64_t offset = 0;  // of the record (for .gz: of the gzip member it starts in) in the file
  std::string version;       // "WARC/1.0" or "WARC/1.1"
  std::vector<std::pair<std::string, std::string>> headers;  // in order, names as written
  std::string_view block;  // into the file's bytes, or WarcFile::plain when it was compressed

  // The value of header `name` (case-insensitive), empty when absent.
  [[nodiscard]] std::string header(std::string_view name) const;
  [[nodiscard]] std::string type() const { return header("WARC-Type"); }
};

// The records of one file. Their blocks are not copied: they view the
// bytes handed to read_warc (which must outlive them) or, for a
// compressed file, `plain`, which moves with the records.
struct WarcFile {
  std::vector<WarcRecord> records;
  std::shared_ptr<const std::string> plain;  // the decompressed bytes; null when the file was not compressed
};

// Every record of `file` (named `name` in errors). Throws WarcError for a
// corrupt or cut gzip member, a record that does not start with WARC/1.x, a
// bad header line or Content-Length, a block running past the end of the
// file, or a block not followed by CRLF CRLF.
[[nodiscard]] WarcFile read_warc(std::string_view file, const std::string& name);

struct HttpMessage {
  int status = 0;                 // response status; 0 when not a response
  std::string content_type;       // Content-Type header
  std::string_view message_body;  // the body as transferred (chunked when it was), in the block parsed
  std::string payload;            // the entity: transfer and content encodings removed
  bool chunked = false;
};

// Parses the HTTP response in a response record's block. Throws
// WarcError (prefixed with `where`) for a missing status line or header
// end, malformed chunks, or a body in a content encoding that cannot be
// decoded (gzip and deflate are decoded).
[[nodiscard]] HttpMessage parse_http_response(std::string_view block, const std::string& where);

// Inflates a gzip or zlib stream; throws WarcError(`where` + why) when corrupt.
[[nodiscard]] std::string inflate_all(std::string_view data, const std::string& where, bool raw_deflate = false);

}  // namespace stet::capture
