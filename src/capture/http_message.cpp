// parse_http_response: the HTTP message inside a WARC response record.

#include "capture/text_util.hpp"
#include "capture/warc_reader.hpp"

namespace stet::capture {

namespace {

struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;
  [[nodiscard]] std::string get(std::string_view name) const {
    for (const auto& [key, value] : fields) {
      if (key == name) {
        return value;
      }
    }
    return {};
  }
};

bool hex_value(char c, unsigned& out) {
  if (c >= '0' && c <= '9') {
    out = static_cast<unsigned>(c - '0');
  } else if (c >= 'a' && c <= 'f') {
    out = static_cast<unsigned>(c - 'a' + 10);
  } else if (c >= 'A' && c <= 'F') {
    out = static_cast<unsigned>(c - 'A' + 10);
  } else {
    return false;
  }
  return true;
}

// Decodes a chunked body; throws on malformed chunk sizes or lengths.
std::string dechunk(std::string_view body, const std::string& where) {
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    std::size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) {
      throw WarcError(where + "chunked body: a chunk size line does not end");
    }
    std::string_view line = trim(body.substr(pos, eol - pos));
    line = line.substr(0, line.find(';'));  // chunk extensions
    std::uint64_t size = 0;
    unsigned digit = 0;
    if (line.empty() || line.size() > 15) {
      throw WarcError(where + "chunked body: bad chunk size '" + std::string(line.substr(0, 20)) + "'");
    }
    for (char c : line) {
      if (!hex_value(c, digit)) {
        throw WarcError(where + "chunked body: bad chunk size '" + std::string(line.substr(0, 20)) + "'");
      }
      size = size * 16 + digit;
    }
    pos = eol + 1;
    if (size == 0) {
      return out;  // trailers, if any, are ignored
    }
    if (size > body.size() - pos) {
      throw WarcError(where + "chunked body: a chunk of " + std::to_string(size) + " bytes runs past the end");
    }
    out.append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    } else {
      throw WarcError(where + "chunked body: a chunk is not followed by CRLF");
    }
  }
}

}  // namespace

HttpMessage parse_http_response(std::string_view block, const std::string& where) {
  HttpMessage m;
  std::size_t eol = block.find('\n');
  std::string_view status = trim(block.substr(0, eol));
  if (!status.starts_with("HTTP/") || eol == std::string_view::npos) {
    throw WarcError(where + "the response block does not start with an HTTP status line");
  }
  std::size_t space = status.find(' ');
  m.status = space == std::string_view::npos ? 0 : std::atoi(std::string(status.substr(space + 1, 3)).c_str());
  Headers headers;
  std::size_t pos = eol + 1;
  for (;;) {
    eol = block.find('\n', pos);
    if (eol == std::string_view::npos) {
      throw WarcError(where + "the HTTP headers do not end");
    }
    std::string_view line = trim(block.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty()) {
      break;
    }
    std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      headers.fields.emplace_back(ascii_lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
    }
  }
  m.content_type = headers.get("content-type");
  m.message_body = block.substr(pos);
  m.chunked = ascii_lower(headers.get("transfer-encoding")).find("chunked") != std::string::npos;
  std::string dechunked = m.chunked ? dechunk(m.message_body, where) : std::string();
  std::string_view entity = m.chunked ? std::string_view(dechunked) : m.message_body;
  std::string encoding = ascii_lower(headers.get("content-encoding"));
  if ((encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") && !entity.empty()) {
    m.payload = inflate_all(entity, where + "Content-Encoding " + encoding + ": ");
  } else if (!encoding.empty() && encoding != "identity") {
    throw UnsupportedEncoding(where + "the body is in Content-Encoding '" + encoding + "', which stet cannot decode");
  } else {
    m.payload = m.chunked ? std::move(dechunked) : std::string(entity);  // the one copy of the payload
  }
  return m;
}

}  // namespace stet::capture
