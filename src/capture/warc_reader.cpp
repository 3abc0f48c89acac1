#include "capture/warc_reader.hpp"

#include "capture/gzip_stream.hpp"
#include "capture/text_util.hpp"

#include <cstdlib>

namespace stet::capture {

namespace {

std::string at(const std::string& name, std::uint64_t offset) {
  return name + ": record at offset " + std::to_string(offset) + ": ";
}

// One header line ending at LF (a CR before it is dropped); npos when none.
std::size_t line_end(std::string_view text, std::size_t pos) { return text.find('\n', pos); }

std::string_view strip_cr(std::string_view line) {
  return !line.empty() && line.back() == '\r' ? line.substr(0, line.size() - 1) : line;
}

bool parse_length(std::string_view value, std::uint64_t& out) {
  value = trim(value);
  if (value.empty() || value.size() > 15) {
    return false;
  }
  out = 0;
  for (char c : value) {
    if (c < '0' || c > '9') {
      return false;
    }
    out = out * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

// Reads one record at `pos` of `plain`; advances `pos` past its separator.
WarcRecord read_record(std::string_view plain, std::size_t& pos, std::uint64_t offset, const std::string& name) {
  WarcRecord r;
  r.offset = offset;
  std::string where = at(name, offset);
  std::size_t end = line_end(plain, pos);
  std::string_view first = end == std::string_view::npos ? plain.substr(pos) : strip_cr(plain.substr(pos, end - pos));
  if (first != "WARC/1.0" && first != "WARC/1.1" && first != "WARC/0.18" && first != "WARC/0.17") {
    throw WarcError(where + "does not start with WARC/1.0 or WARC/1.1 (found '" + std::string(first.substr(0, 20)) +
                    "')");
  }
  r.version = std::string(first);
  pos = end + 1;
  for (;;) {
    end = line_end(plain, pos);
    if (end == std::string_view::npos) {
      throw WarcError(where + "its header does not end (the file is cut short)");
    }
    std::string_view line = strip_cr(plain.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) {
      break;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      throw WarcError(where + "bad header line '" + std::string(line.substr(0, 60)) + "'");
    }
    r.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  std::uint64_t length = 0;
  if (!parse_length(r.header("Content-Length"), length)) {
    throw WarcError(where + "missing or invalid Content-Length '" + r.header("Content-Length") + "'");
  }
  if (length > plain.size() - pos) {
    throw WarcError(where + "Content-Length " + std::to_string(length) + " runs past the end of the file (" +
                    std::to_string(plain.size() - pos) + " bytes left)");
  }
  r.block = plain.substr(pos, length);
  pos += length;
  std::string_view rest = plain.substr(pos, 4);
  if (rest.starts_with("\r\n\r\n")) {
    pos += 4;
  } else if (rest.starts_with("\n\n")) {
    pos += 2;  // some writers end records with bare LFs
  } else if (plain.substr(pos, 7) == "WARC/1." || pos == plain.size()) {
    // No separator, but the next record starts right here (ia-web-commons
    // counts it in Content-Length) or the file ends: still in step.
  } else {
    throw WarcError(where + "its block is not followed by CRLF CRLF: the Content-Length is wrong or the record " +
                    "is damaged");
  }
  return r;
}

bool only_line_ends(std::string_view rest) { return rest.find_first_not_of("\r\n") == std::string_view::npos; }

}  // namespace

std::string WarcRecord::header(std::string_view name) const {
  std::string want = ascii_lower(name);
  for (const auto& [key, value] : headers) {
    if (ascii_lower(key) == want) {
      return value;
    }
  }
  return {};
}

WarcFile read_warc(std::string_view file, const std::string& name) {
  bool gz =
      file.size() >= 2 && static_cast<unsigned char>(file[0]) == 0x1F && static_cast<unsigned char>(file[1]) == 0x8B;
  Gunzipped unzipped;
  WarcFile out;
  if (gz) {
    unzipped = gunzip_members(file, name);
    out.plain = std::make_shared<const std::string>(std::move(unzipped.plain));
  }
  std::string_view plain = gz ? std::string_view(*out.plain) : file;
  std::vector<WarcRecord>& records = out.records;
  std::size_t pos = 0;
  while (pos < plain.size() && !only_line_ends(plain.substr(pos))) {
    std::uint64_t offset = gz ? unzipped.member_offset(pos) : pos;
    records.push_back(read_record(plain, pos, offset, name));
  }
  if (records.empty()) {
    throw WarcError(name + ": holds no WARC records");
  }
  return out;
}

}  // namespace stet::capture
