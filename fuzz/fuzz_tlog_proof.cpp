// Fuzz target: tlog-proof files (store/log). Any bytes either parse or throw
// store::InvalidInputError; a parsed proof formats back to bytes that parse
// to the same proof; its inclusion path is checked against the checkpoint's
// root when that parses, and a carried record is decoded or refused.

#include "store/error.hpp"
#include "store/log/log.hpp"
#include "store/log/merkle.hpp"
#include "store/log/note.hpp"
#include "store/log/proof.hpp"

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

void check_inclusion(const stet::store::log::TlogProof& proof) {
  namespace sl = stet::store::log;
  try {
    sl::TreeHead head = sl::parse_tree_head(sl::parse_note(proof.checkpoint).text);
    (void)sl::verify_inclusion(sl::leaf_hash(proof.extra.value_or("")), proof.index, head.size, proof.path, head.root);
    if (proof.extra) {
      (void)sl::parse_log_record(*proof.extra);
    }
  } catch (const stet::store::InvalidInputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sl = stet::store::log;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sl::TlogProof proof;
  try {
    proof = sl::parse_proof(text);
  } catch (const stet::store::InvalidInputError&) {
    return 0;
  }
  std::string again = sl::format_proof(proof);
  sl::TlogProof reparsed = sl::parse_proof(again);
  require(reparsed.index == proof.index && reparsed.path == proof.path && reparsed.extra == proof.extra &&
          reparsed.checkpoint == proof.checkpoint);
  check_inclusion(proof);
  return 0;
}
