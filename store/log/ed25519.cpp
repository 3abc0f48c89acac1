// Raw Ed25519 through OpenSSL's EVP interface (see crypto_sign.cpp for the
// PEM-keyed signatures of checkpoint format 1).

#include "ed25519.hpp"

#include "crypto/openssl_handles.hpp"
#include "store/error.hpp"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <array>
#include <memory>

namespace stet::store::log {

namespace {

using crypto::BioPtr;
using crypto::MdCtxPtr;
using crypto::PkeyCtxPtr;
using crypto::PkeyPtr;

// OpenSSL is set up without openssl.cnf and without its error strings:
// signatures and proofs check the same on every machine whatever its OpenSSL
// configuration, stet words its own errors, and the two are a fifth of what
// `stet verify-proof` does after start-up (docs/performance.md). The first
// set-up in a process wins; this runs before any EVP call of this file.
void set_up_openssl() {
  static const bool k_done =
      OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS, nullptr) == 1;
  (void)k_done;
}

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

PkeyPtr private_key(std::string_view seed) {
  set_up_openssl();
  PkeyPtr key(seed.size() == 32 ? EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(seed), 32) : nullptr);
  if (!key) {
    throw InvalidInputError("not a 32-byte Ed25519 private key");
  }
  return key;
}

}  // namespace

std::string ed25519_public(std::string_view seed) {
  PkeyPtr key = private_key(seed);
  std::string out(32, '\0');
  std::size_t length = out.size();
  if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(out.data()), &length) != 1 ||
      length != 32) {
    throw InvalidInputError("cannot derive the Ed25519 public key");
  }
  return out;
}

std::string ed25519_sign(std::string_view seed, std::string_view message) {
  PkeyPtr key = private_key(seed);
  MdCtxPtr ctx(EVP_MD_CTX_new());
  std::string out(64, '\0');
  std::size_t length = out.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, bytes(message),
                     message.size()) != 1 ||
      length != 64) {
    throw Error("cannot sign with the Ed25519 key");
  }
  return out;
}

bool ed25519_verify(std::string_view public_key, std::string_view message, std::string_view signature) {
  if (public_key.size() != 32 || signature.size() != 64) {
    return false;
  }
  set_up_openssl();
  PkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(public_key), 32));
  MdCtxPtr ctx(EVP_MD_CTX_new());
  return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), bytes(signature), signature.size(), bytes(message), message.size()) == 1;
}

std::optional<std::string> ed25519_seed_from_pem(const std::string& pem) {
  set_up_openssl();
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!key || EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519) {
    return std::nullopt;
  }
  std::string seed(32, '\0');
  std::size_t length = seed.size();
  if (EVP_PKEY_get_raw_private_key(key.get(), reinterpret_cast<unsigned char*>(seed.data()), &length) != 1 ||
      length != 32) {
    return std::nullopt;
  }
  return seed;
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
  set_up_openssl();
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int size = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), bytes(message), message.size(), out.data(), &size) ==
      nullptr) {
    throw Error("HMAC-SHA-256 failed");
  }
  return {reinterpret_cast<const char*>(out.data()), size};
}

}  // namespace stet::store::log
