#pragma once
// Parsing the --format option of the commands into the output formats of
// src/render. Here rather than in src/render, because a bad value is a usage
// error (cli::UsageError) and src/render knows nothing of the command line.

#include "render/diff_render.hpp"
#include "render/render.hpp"

#include <string>

namespace stet::cli {

// Parses a --format value among `text` and `json`; throws UsageError.
[[nodiscard]] Format parse_format(const std::string& value);

// Parses the --format value of diff; throws UsageError.
[[nodiscard]] DiffFormat parse_diff_format(const std::string& value);

}  // namespace stet::cli
