// Strict standard base64.

#include "store/log/base64.hpp"

#include <array>
#include <cstdint>

namespace stet::store::log {

namespace {

constexpr std::string_view k_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int value_of(char c) {
  auto at = k_alphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    std::size_t n = bytes.size() - i;
    if (n > 1) {
      chunk |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    }
    if (n > 2) {
      chunk |= static_cast<unsigned char>(bytes[i + 2]);
    }
    out += k_alphabet[(chunk >> 18) & 63];
    out += k_alphabet[(chunk >> 12) & 63];
    out += n > 1 ? k_alphabet[(chunk >> 6) & 63] : '=';
    out += n > 2 ? k_alphabet[chunk & 63] : '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    bool last = i + 4 == text.size();
    std::size_t pad = 0;
    if (last && text[i + 3] == '=') {
      pad = text[i + 2] == '=' ? 2 : 1;
    }
    std::uint32_t chunk = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      int v = j >= 4 - pad ? 0 : value_of(text[i + j]);
      if (v < 0) {
        return std::nullopt;
      }
      chunk = chunk << 6 | static_cast<std::uint32_t>(v);
    }
    if ((pad == 1 && (chunk & 0xff) != 0) || (pad == 2 && (chunk & 0xffff) != 0)) {
      return std::nullopt;  // non-canonical trailing bits
    }
    out += static_cast<char>(chunk >> 16);
    if (pad < 2) {
      out += static_cast<char>((chunk >> 8) & 0xff);
    }
    if (pad < 1) {
      out += static_cast<char>(chunk & 0xff);
    }
  }
  return out;
}

}  // namespace stet::store::log
