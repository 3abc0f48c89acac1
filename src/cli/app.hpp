#pragma once
// The command-line entry point: parses arguments, runs one command, and is
// the only place that turns errors into messages and exit codes.

#include "cli/context.hpp"

#include <iosfwd>

namespace stet::cli {

// Runs stet with the process's real environment (clock, variables, stdin).
[[nodiscard]] int run(int argc, char** argv, std::ostream& out, std::ostream& err);

// Runs stet with an explicit environment (tests pass a fixed clock).
[[nodiscard]] int run(int argc, char** argv, std::ostream& out, std::ostream& err, const Environment& env);

}  // namespace stet::cli
