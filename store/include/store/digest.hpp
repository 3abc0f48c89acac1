#pragma once
// SHA-256 digests: the identity of every stored version, and the hash chain
// between versions of one document.

#include <array>
#include <compare>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace stet::store {

// A 32-byte SHA-256 value. Default-constructed digests are all zero.
class Digest {
 public:
  static constexpr std::size_t k_size = 32;
  using Bytes = std::array<unsigned char, k_size>;

  Digest() = default;
  explicit Digest(const Bytes& bytes) : m_bytes(bytes) {}

  // 64 lowercase hex digits.
  [[nodiscard]] std::string hex() const;
  // Parses exactly 64 hex digits (either case); nullopt otherwise.
  [[nodiscard]] static std::optional<Digest> from_hex(std::string_view hex);
  [[nodiscard]] const Bytes& bytes() const { return m_bytes; }

  auto operator<=>(const Digest&) const = default;

 private:
  Bytes m_bytes{};
};

// SHA-256 of `data`. Throws store::Error if the crypto library fails.
[[nodiscard]] Digest sha256(std::string_view data);

// Incremental SHA-256 for inputs read in chunks (bounded memory).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view chunk);
  // Returns the digest; the object must not be updated afterwards.
  [[nodiscard]] Digest finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// SHA-1 of `data` (20 bytes), for checking the sha1 digests web archives
// (WARC) carry; never used for stet's own identities.
[[nodiscard]] std::array<unsigned char, 20> sha1(std::string_view data);

// True when `text` is made only of hex digits.
[[nodiscard]] bool is_hex(std::string_view text);

}  // namespace stet::store
