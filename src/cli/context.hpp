#pragma once
// What a command needs from the world besides its arguments: the clock, the
// environment, standard input and the store location.

#include "cli/exit_code.hpp"
#include "store/content_store.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>

namespace stet::cli {

// A mistake in how stet was called, or an input it refuses. Printed as
// `stet: error: <what>`, exit status 2.
class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& what) : std::runtime_error(what) {}
};

struct Environment {
  std::function<std::chrono::system_clock::time_point()> now;
  std::function<std::optional<std::string>(const std::string&)> getenv;
  std::istream* in = nullptr;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};

// The real process environment.
[[nodiscard]] Environment process_environment();

// State shared by every command: global options and the environment.
struct Context {
  const Environment* env = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  std::string store_option;  // --store, empty when absent

  // --store, else $STET_STORE, else ./.stet
  [[nodiscard]] std::filesystem::path store_path() const;
  // Opens the store; throws store::NotAStoreError when absent or foreign.
  [[nodiscard]] store::ContentStore open_store() const;
  // Opens the store, creating it (and saying so on stderr) when missing.
  [[nodiscard]] store::ContentStore open_or_create_store() const;
  // The current time as stet records it (RFC 3339 UTC, microseconds).
  [[nodiscard]] std::string now_utc() const;
};

}  // namespace stet::cli
