#pragma once
// Ed25519 keys and signatures for checkpoints. Keys travel as PEM text
// (PKCS #8 private keys, SubjectPublicKeyInfo public keys), signatures as
// base64. The crypto library stays behind this header.

#include <string>
#include <string_view>

namespace stet::store {

struct KeyPair {
  std::string private_pem;
  std::string public_pem;
};

// A fresh Ed25519 key pair. Throws Error when the crypto library fails.
[[nodiscard]] KeyPair generate_ed25519_key();

// The public key (PEM) of `private_pem`. Throws InvalidInputError when it
// is not an Ed25519 private key.
[[nodiscard]] std::string public_key_of(const std::string& private_pem);

// The base64 Ed25519 signature of `message`. Throws InvalidInputError for a
// key that is not an Ed25519 private key.
[[nodiscard]] std::string sign_ed25519(const std::string& private_pem, std::string_view message);

// True when `signature` (base64) is a valid signature of `message` by
// `public_pem`. False for a bad or malformed signature; throws
// InvalidInputError when `public_pem` is not an Ed25519 public key.
[[nodiscard]] bool verify_ed25519(const std::string& public_pem, std::string_view message,
                                  const std::string& signature);

// True when both PEM texts hold the same public key (whatever their
// line wrapping). Throws InvalidInputError like verify_ed25519.
[[nodiscard]] bool same_public_key(const std::string& a_pem, const std::string& b_pem);

}  // namespace stet::store
