// Ed25519 through OpenSSL's EVP interface. With digest.cpp, the only file
// that includes OpenSSL (see docs/ARCHITECTURE.md).

#include "store/signing.hpp"

#include "crypto/openssl_handles.hpp"
#include "store/error.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <optional>
#include <vector>

namespace stet::store {

namespace {

using crypto::BioPtr;
using crypto::MdCtxPtr;
using crypto::PkeyCtxPtr;
using crypto::PkeyPtr;

BioPtr memory_bio(const std::string& text) {
  return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

PkeyPtr load_private(const std::string& pem) {
  auto bio = memory_bio(pem);
  PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key || EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519) {
    throw InvalidInputError("not an Ed25519 private key in PEM form");
  }
  return key;
}

PkeyPtr load_public(const std::string& pem) {
  auto bio = memory_bio(pem);
  PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!key || EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519) {
    throw InvalidInputError("not an Ed25519 public key in PEM form");
  }
  return key;
}

std::string public_pem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) {
    throw Error("cannot write a public key");
  }
  return bio_text(bio.get());
}

std::string base64(const std::vector<unsigned char>& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::vector<unsigned char>> unbase64(const std::string& text) {
  if (text.empty() || text.size() % 4 != 0) {
    return std::nullopt;
  }
  std::vector<unsigned char> out(text.size() / 4 * 3);
  int n =
      EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) {
    return std::nullopt;
  }
  std::size_t padding = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

}  // namespace

KeyPair generate_ed25519_key() {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1) {
    throw Error("cannot generate an Ed25519 key");
  }
  PkeyPtr key(raw);
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    throw Error("cannot write a private key");
  }
  return {bio_text(bio.get()), public_pem(key.get())};
}

std::string public_key_of(const std::string& private_pem) { return public_pem(load_private(private_pem).get()); }

std::string sign_ed25519(const std::string& private_pem, std::string_view message) {
  PkeyPtr key = load_private(private_pem);
  MdCtxPtr ctx(EVP_MD_CTX_new());
  std::vector<unsigned char> signature(64);
  std::size_t length = signature.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), signature.data(), &length, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1) {
    throw Error("cannot sign with the Ed25519 key");
  }
  signature.resize(length);
  return base64(signature);
}

bool verify_ed25519(const std::string& public_pem_text, std::string_view message, const std::string& signature) {
  PkeyPtr key = load_public(public_pem_text);
  auto bytes = unbase64(signature);
  if (!bytes) {
    return false;
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), bytes->data(), bytes->size(),
                          reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

bool same_public_key(const std::string& a_pem, const std::string& b_pem) {
  PkeyPtr a = load_public(a_pem);
  PkeyPtr b = load_public(b_pem);
  return EVP_PKEY_eq(a.get(), b.get()) == 1;
}

}  // namespace stet::store
