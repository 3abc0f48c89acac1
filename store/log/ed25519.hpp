#pragma once
// Raw Ed25519 (32-byte keys, 64-byte signatures) through OpenSSL, for
// signed notes, and the HMAC that binds the log index to a signing key.
// Private to the store.

#include <optional>
#include <string>
#include <string_view>

namespace stet::store::log {

// The 32-byte public key of a 32-byte private seed. Throws InvalidInputError.
[[nodiscard]] std::string ed25519_public(std::string_view seed);

// The 64-byte signature of `message` by `seed`. Throws InvalidInputError.
[[nodiscard]] std::string ed25519_sign(std::string_view seed, std::string_view message);

// True when `signature` is a valid signature of `message` by `public_key`;
// false for any malformed input.
[[nodiscard]] bool ed25519_verify(std::string_view public_key, std::string_view message, std::string_view signature);

// The 32-byte seed of an Ed25519 private key in PEM (PKCS #8); nullopt when
// `pem` is not one.
[[nodiscard]] std::optional<std::string> ed25519_seed_from_pem(const std::string& pem);

// HMAC-SHA-256 of `message` under `key` (32 bytes).
[[nodiscard]] std::string hmac_sha256(std::string_view key, std::string_view message);

}  // namespace stet::store::log
