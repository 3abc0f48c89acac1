#pragma once
// Standard base64 (RFC 4648 section 4, with padding), as signed notes,
// checkpoints and proofs spell hashes and signatures.

#include <optional>
#include <string>
#include <string_view>

namespace stet::store::log {

[[nodiscard]] std::string base64_encode(std::string_view bytes);

// The bytes of `text`, or nullopt unless it is canonical padded base64
// (no whitespace, no stray bits in the last character).
[[nodiscard]] std::optional<std::string> base64_decode(std::string_view text);

}  // namespace stet::store::log
