#pragma once
// What push, pull and clone share in the CLI: choosing the remote, the
// identity that signs merge commits, and reporting a pull.

#include "cli/context.hpp"
#include "render/render.hpp"
#include "store/sync.hpp"

#include <iosfwd>
#include <string>

namespace stet::cli {

// `given` when not empty; else `origin`, or the only remote when there is
// exactly one. Throws UsageError when there is nothing to choose.
[[nodiscard]] std::string choose_remote(const store::ContentStore& store, const std::string& given);

// Who signs a merge commit ($STET_AUTHOR, git's, or the user name) and now.
[[nodiscard]] store::SyncIdentity sync_identity(const Context& context);

[[nodiscard]] nlohmann::json pull_json(const store::PullResult& result);

// One line on `out` saying what a pull did.
void print_pull(std::ostream& out, const store::PullResult& result);

}  // namespace stet::cli
