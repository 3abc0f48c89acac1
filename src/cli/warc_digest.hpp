#pragma once
// Checking the WARC-Block-Digest and WARC-Payload-Digest values web archives
// carry: "sha1:" or "sha256:" with a base32, hex or base64 value.

#include <optional>
#include <string>
#include <string_view>

namespace stet::cli {

enum class DigestCheck { match, mismatch, unchecked };

// Compares `declared` (e.g. "sha1:2FUH...") with the digest of `data`.
// `unchecked` for an algorithm other than sha1/sha256 or an undecodable value.
[[nodiscard]] DigestCheck check_warc_digest(std::string_view declared, std::string_view data);

}  // namespace stet::cli
