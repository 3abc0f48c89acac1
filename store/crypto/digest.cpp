#include "store/digest.hpp"

#include "store/error.hpp"

// SHA-256 and SHA-1 come from OpenSSL's low-level digest functions where the
// build still has them: OpenSSL 3 deprecates them, but they run the same
// assembly as EVP without EVP's first-use cost (fetching the provider's
// implementation builds the name map of every algorithm, and initialisation
// loads openssl.cnf and the error strings: about 0.5 ms, an eighth of
// `stet show`, docs/performance.md). A build with OPENSSL_NO_DEPRECATED_3_0
// uses EVP.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/opensslconf.h>
#if defined(OPENSSL_NO_DEPRECATED_3_0)
#define STET_DIGEST_EVP 1
#include <openssl/evp.h>
#else
#include <openssl/sha.h>
#endif

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

#if defined(STET_DIGEST_EVP)

namespace {

// One EVP context for `md`; throws naming `what` when OpenSSL cannot.
EVP_MD_CTX* new_digest_context(const EVP_MD* md, const char* what) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr || EVP_DigestInit_ex(ctx, md, nullptr) != 1) {
    EVP_MD_CTX_free(ctx);
    throw Error(std::string("cannot initialise ") + what);
  }
  return ctx;
}

void finish_digest(EVP_MD_CTX* ctx, unsigned char* out, unsigned int size, const char* what) {
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx, out, &length) != 1 || length != size) {
    throw Error(std::string(what) + " finalisation failed");
  }
}

}  // namespace

struct Sha256::Impl {
  EVP_MD_CTX* ctx = new_digest_context(EVP_sha256(), "SHA-256");
  ~Impl() { EVP_MD_CTX_free(ctx); }
};

void Sha256::update(std::string_view chunk) {
  if (EVP_DigestUpdate(m_impl->ctx, chunk.data(), chunk.size()) != 1) {
    throw Error("SHA-256 update failed");
  }
}

Digest Sha256::finish() {
  Digest::Bytes bytes{};
  finish_digest(m_impl->ctx, bytes.data(), Digest::k_size, "SHA-256");
  return Digest(bytes);
}

#else

struct Sha256::Impl {
  SHA256_CTX ctx{};
  Impl() {
    if (SHA256_Init(&ctx) != 1) {
      throw Error("cannot initialise SHA-256");
    }
  }
};

void Sha256::update(std::string_view chunk) {
  if (SHA256_Update(&m_impl->ctx, chunk.data(), chunk.size()) != 1) {
    throw Error("SHA-256 update failed");
  }
}

Digest Sha256::finish() {
  Digest::Bytes bytes{};
  if (SHA256_Final(bytes.data(), &m_impl->ctx) != 1) {
    throw Error("SHA-256 finalisation failed");
  }
  return Digest(bytes);
}

#endif

Sha256::Sha256() : m_impl(std::make_unique<Impl>()) {}

Sha256::~Sha256() = default;

Digest sha256(std::string_view data) {
  Sha256 hasher;
  hasher.update(data);
  return hasher.finish();
}

}  // namespace stet::store

#include "crypto/sha1.hpp"

namespace stet::store {

#if defined(STET_DIGEST_EVP)

struct Sha1::Impl {
  EVP_MD_CTX* ctx = new_digest_context(EVP_sha1(), "SHA-1");
  ~Impl() { EVP_MD_CTX_free(ctx); }
};

void Sha1::update(std::string_view chunk) {
  if (EVP_DigestUpdate(m_impl->ctx, chunk.data(), chunk.size()) != 1) {
    throw Error("SHA-1 update failed");
  }
}

std::array<unsigned char, 20> Sha1::finish() {
  std::array<unsigned char, 20> out{};
  finish_digest(m_impl->ctx, out.data(), out.size(), "SHA-1");
  return out;
}

#else

struct Sha1::Impl {
  SHA_CTX ctx{};
  Impl() {
    if (SHA1_Init(&ctx) != 1) {
      throw Error("cannot initialise SHA-1");
    }
  }
};

void Sha1::update(std::string_view chunk) {
  if (SHA1_Update(&m_impl->ctx, chunk.data(), chunk.size()) != 1) {
    throw Error("SHA-1 update failed");
  }
}

std::array<unsigned char, 20> Sha1::finish() {
  std::array<unsigned char, 20> out{};
  if (SHA1_Final(out.data(), &m_impl->ctx) != 1) {
    throw Error("SHA-1 finalisation failed");
  }
  return out;
}

#endif

Sha1::Sha1() : m_impl(std::make_unique<Impl>()) {}

Sha1::~Sha1() = default;

std::array<unsigned char, 20> sha1(std::string_view data) {
  Sha1 hasher;
  hasher.update(data);
  return hasher.finish();
}

}  // namespace stet::store
