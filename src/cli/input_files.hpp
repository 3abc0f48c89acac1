#pragma once
// Reading the documents named on the command line: files or '-' (stdin),
// whole or split at separator lines, each checked to be text.

#include "cli/capture_input.hpp"
#include "cli/context.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace stet::cli {

// The largest input stet records: 64 MiB, far above any real news text
// or report (a long book is 1-5 MB). Every input is held in memory while
// it is checked, normalized, counted and hashed, so peak memory is a small
// multiple of the inputs' total size; larger inputs are refused early
// (a file by its size, a stream after reading at most this many bytes)
// so a 1 GB input costs neither the memory nor the time.
inline constexpr std::size_t k_max_input_bytes = std::size_t{64} << 20;

// Where a capture read from a web archive came from (see ingest --warc).
struct WebOrigin {
  std::string uri;
  std::string date;  // WARC-Date
  std::optional<int> http_status;
  std::string content_type;  // HTTP Content-Type (or the resource record's)
  std::string record_id;
  std::string file;  // the archive's file name
  store::Digest file_sha256;
  std::string truncated;  // WARC-Truncated
};

struct InputDocument {
  std::string origin;            // the file name as given, with "#N" for a split part
  std::string stem;              // the id derived from the file name (parts: stem-N); empty if none
  std::string content;           // the exact bytes
  CapturedText captured;         // what they are, and their text (the text form, or the bytes)
  std::optional<WebOrigin> web;  // set for captures read from a WARC/WACZ
};

// Reads one path ('-' is standard input): one input, or its parts with
// `split`. Throws UsageError naming the path when it is bad (see below).
[[nodiscard]] std::vector<InputDocument> read_input(const std::string& path, bool split, const Environment& env,
                                                    capture::TextMode mode = capture::TextMode::visible);

// Reads every path ('-' is standard input). With `split`, each file is cut
// at lines made of five or more '=' into parts numbered from 1 (parts that
// are empty or only white space are dropped). Throws UsageError naming the
// file when one is missing, unreadable, a folder, empty, a PDF or other
// binary, or larger than k_max_input_bytes: nothing is returned unless
// every input is good, and every bad one is named in the one error. HTML
// and text in other encodings get a text form (extracted in `mode`); only
// plain UTF-8 text can be split.
[[nodiscard]] std::vector<InputDocument> read_inputs(const std::vector<std::string>& paths, bool split,
                                                     const Environment& env,
                                                     capture::TextMode mode = capture::TextMode::visible);

// Cuts `text` at separator lines (5+ '=' alone on a line, spaces allowed).
// Each part keeps its bytes exactly, including its final line ending.
[[nodiscard]] std::vector<std::string> split_parts(const std::string& text);

}  // namespace stet::cli
