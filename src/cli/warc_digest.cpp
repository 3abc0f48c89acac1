#include "cli/warc_digest.hpp"

#include "store/digest.hpp"

#include <vector>

namespace stet::cli {

namespace {

using Bytes = std::vector<unsigned char>;

std::optional<Bytes> from_base32(std::string_view text) {
  Bytes out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = (c >= 'A' && c <= 'Z')   ? c - 'A'
            : (c >= 'a' && c <= 'z') ? c - 'a'
            : (c >= '2' && c <= '7') ? c - '2' + 26
                                     : -1;
    if (c == '=') {
      break;
    }
    if (v < 0) {
      return std::nullopt;
    }
    buffer = (buffer << 5) | static_cast<unsigned>(v);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

std::optional<Bytes> from_base64(std::string_view text) {
  Bytes out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = (c >= 'A' && c <= 'Z')   ? c - 'A'
            : (c >= 'a' && c <= 'z') ? c - 'a' + 26
            : (c >= '0' && c <= '9') ? c - '0' + 52
            : (c == '+' || c == '-') ? 62
            : (c == '/' || c == '_') ? 63
                                     : -1;
    if (c == '=') {
      break;
    }
    if (v < 0) {
      return std::nullopt;
    }
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

std::optional<Bytes> from_hex(std::string_view text) {
  if (text.size() % 2 != 0 || !store::is_hex(text)) {
    return std::nullopt;
  }
  Bytes out;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    out.push_back(static_cast<unsigned char>(std::stoi(std::string(text.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

// The value decoded as the encoding its length implies for `size` bytes.
std::optional<Bytes> decode(std::string_view value, std::size_t size) {
  if (value.size() == size * 2) {
    return from_hex(value);
  }
  std::size_t base32 = (size * 8 + 4) / 5;
  if (value.size() == base32 || (value.size() > base32 && value.find('=') == base32)) {
    return from_base32(value);
  }
  return from_base64(value);
}

}  // namespace

DigestCheck check_warc_digest(std::string_view declared, std::string_view data) {
  std::size_t colon = declared.find(':');
  if (colon == std::string_view::npos) {
    return DigestCheck::unchecked;
  }
  std::string algorithm(declared.substr(0, colon));
  for (char& c : algorithm) {
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  std::string_view value = declared.substr(colon + 1);
  Bytes actual;
  if (algorithm == "sha1") {
    auto d = store::sha1(data);
    actual.assign(d.begin(), d.end());
  } else if (algorithm == "sha256" || algorithm == "sha-256") {
    auto d = store::sha256(data).bytes();
    actual.assign(d.begin(), d.end());
  } else {
    return DigestCheck::unchecked;
  }
  auto expected = decode(value, actual.size());
  if (!expected || expected->size() != actual.size()) {
    return DigestCheck::unchecked;
  }
  return *expected == actual ? DigestCheck::match : DigestCheck::mismatch;
}

}  // namespace stet::cli
