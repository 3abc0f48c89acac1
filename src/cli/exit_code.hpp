#pragma once
// The process exit codes, one meaning each across every command.

namespace stet::cli {

enum class ExitCode : int {
  ok = 0,
  differences = 1,  // diff: the inputs differ; check/verify: findings
  error = 2,
};

}  // namespace stet::cli
