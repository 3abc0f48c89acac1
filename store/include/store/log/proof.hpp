#pragma once
// C2SP tlog-proof files (c2sp.org/tlog-proof@v1): an offline proof that a
// leaf is in a signed checkpoint. stet puts the record's exact bytes (the
// leaf data) in the `extra` line, so a proof carries its record.

#include "store/digest.hpp"
#include "store/version.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::store::log {

inline constexpr std::string_view k_proof_header = "c2sp.org/tlog-proof@v1";

struct TlogProof {
  std::optional<std::string> extra;  // decoded bytes of the extra line
  std::uint64_t index = 0;
  std::vector<Digest> path;  // inclusion proof, leaf's sibling first
  std::string checkpoint;    // the checkpoint note, verbatim
};

[[nodiscard]] std::string format_proof(const TlogProof& proof);

// Parses a proof file. Throws InvalidInputError naming what is malformed.
// The checkpoint is returned verbatim (parse it with parse_note).
[[nodiscard]] TlogProof parse_proof(std::string_view text);

// Decodes a record's bytes as carried in a proof (the store's record
// format). Throws InvalidInputError when they are not a record.
[[nodiscard]] Record parse_log_record(std::string_view bytes);

// Base64 lines of hashes, one per line, as proofs and witnesses spell them.
[[nodiscard]] std::string format_hash_lines(const std::vector<Digest>& hashes);

// A digest from base64 of 32 bytes; nullopt otherwise.
[[nodiscard]] std::optional<Digest> digest_from_base64(std::string_view text);

}  // namespace stet::store::log
