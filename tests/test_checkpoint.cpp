#include "store/checkpoint.hpp"
#include "store/error.hpp"
#include "store/signing.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("unit");

namespace st = stet::store;

TEST_CASE("store::merkle_root") {
  // The RFC 6962 test vectors used by Certificate Transparency implementations.
  const std::vector<std::string> leaves = {
      std::string(),
      std::string("\x00", 1),
      std::string("\x10"),
      std::string("\x20\x21"),
      std::string("\x30\x31"),
      std::string("\x40\x41\x42\x43"),
      std::string("\x50\x51\x52\x53\x54\x55\x56\x57"),
      std::string("\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f"),
  };
  struct Case {
    std::size_t size;
    const char* root;
  };
  const Case cases[] = {
      {0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"},
      {2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"},
      {3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"},
      {4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
      {8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.size);
    std::vector<std::string> prefix(leaves.begin(), leaves.begin() + static_cast<long>(c.size));
    CHECK(st::merkle_root(prefix).hex() == c.root);
  }
}

TEST_CASE("store::sign_ed25519") {
  st::KeyPair pair = st::generate_ed25519_key();
  CHECK(pair.private_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
  CHECK(pair.public_pem.starts_with("-----BEGIN PUBLIC KEY-----"));
  CHECK(st::public_key_of(pair.private_pem) == pair.public_pem);
  std::string signature = st::sign_ed25519(pair.private_pem, "message");
  CHECK(st::verify_ed25519(pair.public_pem, "message", signature));
  CHECK_FALSE(st::verify_ed25519(pair.public_pem, "messagE", signature));
  CHECK_FALSE(st::verify_ed25519(pair.public_pem, "message", "not base64!"));
  st::KeyPair other = st::generate_ed25519_key();
  CHECK_FALSE(st::verify_ed25519(other.public_pem, "message", signature));
  CHECK(st::same_public_key(pair.public_pem, pair.public_pem));
  CHECK_FALSE(st::same_public_key(pair.public_pem, other.public_pem));
  CHECK_THROWS_AS((void)st::sign_ed25519("garbage", "m"), st::InvalidInputError);
  CHECK_THROWS_AS((void)st::verify_ed25519(pair.private_pem, "m", signature), st::InvalidInputError);
}

TEST_CASE("store::checkpoint_to_json") {
  st::Checkpoint c;
  c.head = std::string(40, 'a');
  c.versions = 3;
  c.records = 4;
  c.merkle_root = st::sha256("x");
  c.created_at = "2026-01-01T00:00:00.000000Z";
  SUBCASE("round trip, unsigned and signed") {
    CHECK(st::checkpoint_to_json(st::checkpoint_from_json(st::checkpoint_to_json(c))) == st::checkpoint_to_json(c));
    st::KeyPair pair = st::generate_ed25519_key();
    st::sign_checkpoint(c, pair.private_pem);
    st::Checkpoint back = st::checkpoint_from_json(st::checkpoint_to_json(c));
    REQUIRE(back.signature.has_value());
    CHECK(st::verify_ed25519(back.signature->public_key, st::checkpoint_statement(back), back.signature->value));
    back.versions = 2;
    CHECK_FALSE(st::verify_ed25519(back.signature->public_key, st::checkpoint_statement(back), back.signature->value));
  }
  SUBCASE("malformed checkpoints are refused") {
    CHECK_THROWS_AS((void)st::checkpoint_from_json("[]"), st::InvalidInputError);
    CHECK_THROWS_AS((void)st::checkpoint_from_json("{\"checkpoint_format\": 1}"), st::InvalidInputError);
    std::string text = st::checkpoint_to_json(c);
    text.replace(text.find(std::string(40, 'a')), 40, "zz");
    CHECK_THROWS_AS((void)st::checkpoint_from_json(text), st::InvalidInputError);
  }
  SUBCASE("counts that are not non-negative integers are refused") {
    // A count too large for an integer once reached an out-of-range float-to-integer conversion (UB).
    for (const char* bad : {"-1", "1.5", "4e30", "3999999999999999999999999999999", "\"3\"", "true"}) {
      CAPTURE(bad);
      std::string text = st::checkpoint_to_json(c);
      text.replace(text.find("\"versions\": 3"), 13, std::string("\"versions\": ") + bad);
      CHECK_THROWS_AS((void)st::checkpoint_from_json(text), st::InvalidInputError);
    }
    std::string text = st::checkpoint_to_json(c);
    text.replace(text.find("\"checkpoint_format\": 1"), 22, "\"checkpoint_format\": 4294967297");
    CHECK_THROWS_AS((void)st::checkpoint_from_json(text), st::InvalidInputError);
  }
}

TEST_SUITE_END();
