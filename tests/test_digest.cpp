// SHA-256 and SHA-1 against the FIPS 180-4 examples (NIST's published
// digests), one-shot and fed in uneven chunks.

#include "crypto/sha1.hpp"
#include "store/digest.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>

TEST_SUITE_BEGIN("unit");

using stet::store::Digest;
using stet::store::Sha1;
using stet::store::Sha256;

namespace {

std::string hex20(const std::array<unsigned char, 20>& bytes) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : bytes) {
    out.push_back(k_digits[byte >> 4U]);
    out.push_back(k_digits[byte & 0x0FU]);
  }
  return out;
}

const std::string k_two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

// Feeds `text` in chunks of 1, 2, 3, ... bytes.
template <typename Hasher>
auto hash_in_chunks(const std::string& text) {
  Hasher hasher;
  std::size_t at = 0;
  for (std::size_t size = 1; at < text.size(); ++size) {
    std::size_t take = std::min(size, text.size() - at);
    hasher.update(std::string_view(text).substr(at, take));
    at += take;
  }
  return hasher.finish();
}

}  // namespace

TEST_CASE("SHA-256 gives the FIPS 180-4 example digests") {
  CHECK(stet::store::sha256("").hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(stet::store::sha256("abc").hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(stet::store::sha256(k_two_blocks).hex() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  std::string million(1000000, 'a');
  CHECK(stet::store::sha256(million).hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(hash_in_chunks<Sha256>(million).hex() == stet::store::sha256(million).hex());
  CHECK(hash_in_chunks<Sha256>(k_two_blocks) == stet::store::sha256(k_two_blocks));
}

TEST_CASE("a finished SHA-256 differs from one fed one more byte") {
  Sha256 one;
  one.update("abc");
  Sha256 two;
  two.update("abc");
  two.update("d");
  CHECK(one.finish() != two.finish());
}

TEST_CASE("SHA-1 gives the FIPS 180-4 example digests") {
  Sha1 abc;
  abc.update("abc");
  CHECK(hex20(abc.finish()) == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(hex20(hash_in_chunks<Sha1>(k_two_blocks)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  Sha1 empty;
  CHECK(hex20(empty.finish()) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

TEST_SUITE_END();
