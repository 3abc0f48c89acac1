// Fuzz target: parsing a checkpoint file (store/checkpoint). Any bytes
// either parse or throw store::InvalidInputError; a parsed checkpoint
// serializes to JSON that parses back to the same checkpoint. A parsed
// signature is checked against its key: a bool or InvalidInputError.

#include "store/checkpoint.hpp"
#include "store/error.hpp"
#include "store/signing.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

bool same(const stet::store::Checkpoint& x, const stet::store::Checkpoint& y) {
  if (x.head != y.head || x.versions != y.versions || x.records != y.records || x.merkle_root != y.merkle_root ||
      x.created_at != y.created_at || x.signature.has_value() != y.signature.has_value()) {
    return false;
  }
  return !x.signature ||
         (x.signature->algorithm == y.signature->algorithm && x.signature->public_key == y.signature->public_key &&
          x.signature->value == y.signature->value);
}

void check_signature(const stet::store::Checkpoint& checkpoint) {
  try {
    static_cast<void>(stet::store::verify_ed25519(
        checkpoint.signature->public_key, stet::store::checkpoint_statement(checkpoint), checkpoint.signature->value));
  } catch (const stet::store::InvalidInputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stet::store::Checkpoint checkpoint;
  try {
    checkpoint = stet::store::checkpoint_from_json(text);
  } catch (const stet::store::InvalidInputError&) {
    return 0;
  }
  std::string json = stet::store::checkpoint_to_json(checkpoint);
  stet::store::Checkpoint again = stet::store::checkpoint_from_json(json);
  require(same(checkpoint, again) && stet::store::checkpoint_to_json(again) == json);
  if (checkpoint.signature) {
    check_signature(checkpoint);
  }
  return 0;
}
