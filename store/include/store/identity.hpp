#pragma once
// Who is ingesting, as git would say: user.name and user.email from the
// user's git configuration.

#include <optional>
#include <string>

namespace stet::store {

// "Name <email>" (or "Name" alone) from the global/XDG/system git
// configuration; nullopt when user.name is not set or no configuration can
// be read. Never throws.
[[nodiscard]] std::optional<std::string> git_identity();

}  // namespace stet::store
