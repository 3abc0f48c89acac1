#pragma once
// `stet verify --file`: is each file exactly a recorded version, and if
// not, which recorded version is nearest and how does it differ.

#include "cli/context.hpp"
#include "cli/exit_code.hpp"
#include "render/render.hpp"

#include <string>
#include <vector>

namespace stet::cli {

// Prints one verdict per file; ExitCode::ok when every file is a recorded
// version, differences otherwise. Throws UsageError for an unreadable file.
[[nodiscard]] ExitCode verify_files(Context& context, const std::vector<std::string>& files, Format format);

}  // namespace stet::cli
