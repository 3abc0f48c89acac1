#pragma once
// `stet verify --checkpoint NOTE`: a C2SP checkpoint of the store's log,
// its signatures, and an RFC 6962 consistency proof from the checkpointed
// tree to today's log.

#include "store/audit.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace stet::cli {

// Adds the findings about checkpoint note `bytes` (read from `name`) to
// `report` and returns what was proven, one line each. Throws UsageError for
// a malformed note or an unknown or unusable key.
[[nodiscard]] std::vector<std::string> check_note_checkpoint(const std::filesystem::path& store,
                                                             const std::string& name, const std::string& bytes,
                                                             const std::optional<std::string>& log_key,
                                                             const std::vector<std::string>& witness_keys,
                                                             store::AuditReport& report);

}  // namespace stet::cli
