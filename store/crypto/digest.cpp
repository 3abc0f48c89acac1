#include "store/digest.hpp"

#include "store/error.hpp"

#include <openssl/evp.h>

namespace stet::store {

namespace {

constexpr std::string_view k_hex_digits = "0123456789abcdef";

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace

std::string Digest::hex() const {
  std::string out;
  out.reserve(k_size * 2);
  for (unsigned char byte : m_bytes) {
    out.push_back(k_hex_digits[byte >> 4U]);
    out.push_back(k_hex_digits[byte & 0x0FU]);
  }
  return out;
}

std::optional<Digest> Digest::from_hex(std::string_view hex) {
  if (hex.size() != k_size * 2 || !is_hex(hex)) {
    return std::nullopt;
  }
  Bytes bytes{};
  for (std::size_t i = 0; i < k_size; ++i) {
    bytes[i] = static_cast<unsigned char>(hex_value(hex[2 * i]) * 16 + hex_value(hex[2 * i + 1]));
  }
  return Digest(bytes);
}

bool is_hex(std::string_view text) {
  for (char c : text) {
    if (hex_value(c) < 0) {
      return false;
    }
  }
  return true;
}

struct Sha256::Impl {
  EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : m_impl(std::make_unique<Impl>()) {
  m_impl->ctx = EVP_MD_CTX_new();
  if (m_impl->ctx == nullptr || EVP_DigestInit_ex(m_impl->ctx, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(m_impl->ctx);
    throw Error("cannot initialise SHA-256");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_impl->ctx); }

void Sha256::update(std::string_view chunk) {
  if (EVP_DigestUpdate(m_impl->ctx, chunk.data(), chunk.size()) != 1) {
    throw Error("SHA-256 update failed");
  }
}

Digest Sha256::finish() {
  Digest::Bytes bytes{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(m_impl->ctx, bytes.data(), &length) != 1 || length != Digest::k_size) {
    throw Error("SHA-256 finalisation failed");
  }
  return Digest(bytes);
}

Digest sha256(std::string_view data) {
  Digest::Bytes bytes{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), bytes.data(), &length, EVP_sha256(), nullptr) != 1 ||
      length != Digest::k_size) {
    throw Error("SHA-256 failed");
  }
  return Digest(bytes);
}

}  // namespace stet::store

#include "crypto/sha1.hpp"

namespace stet::store {

struct Sha1::Impl {
  EVP_MD_CTX* ctx = nullptr;
};

Sha1::Sha1() : m_impl(std::make_unique<Impl>()) {
  m_impl->ctx = EVP_MD_CTX_new();
  if (m_impl->ctx == nullptr || EVP_DigestInit_ex(m_impl->ctx, EVP_sha1(), nullptr) != 1) {
    EVP_MD_CTX_free(m_impl->ctx);
    throw Error("cannot initialise SHA-1");
  }
}

Sha1::~Sha1() { EVP_MD_CTX_free(m_impl->ctx); }

void Sha1::update(std::string_view chunk) {
  if (EVP_DigestUpdate(m_impl->ctx, chunk.data(), chunk.size()) != 1) {
    throw Error("SHA-1 update failed");
  }
}

std::array<unsigned char, 20> Sha1::finish() {
  std::array<unsigned char, 20> out{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(m_impl->ctx, out.data(), &length) != 1 || length != out.size()) {
    throw Error("SHA-1 finalisation failed");
  }
  return out;
}

std::array<unsigned char, 20> sha1(std::string_view data) {
  Sha1 hasher;
  hasher.update(data);
  return hasher.finish();
}

}  // namespace stet::store
