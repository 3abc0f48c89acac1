#pragma once
// (private) Decompressing a file made of gzip members, remembering where
// each member starts in the compressed file.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stet::capture {

struct GzipMember {
  std::uint64_t compressed_offset = 0;
  std::uint64_t plain_offset = 0;  // where its output starts in the decompressed stream
};

struct Gunzipped {
  std::string plain;
  std::vector<GzipMember> members;

  // The compressed offset of the member holding plain byte `at`.
  [[nodiscard]] std::uint64_t member_offset(std::uint64_t at) const;
};

// Decompresses every member of `file`. Throws WarcError naming `name` and
// the member's offset when a member is corrupt or cut short.
[[nodiscard]] Gunzipped gunzip_members(std::string_view file, const std::string& name);

}  // namespace stet::capture
