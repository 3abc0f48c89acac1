#include "repo/crash_hook.hpp"

#include "store/error.hpp"

#include <signal.h>

#include <cstdlib>
#include <string>

namespace stet::store {

void crash_point(std::string_view name) {
  // TEST-ONLY: see crash_hook.hpp. Unset in normal use.
  const char* wanted = std::getenv("STET_TEST_CRASH_AT");
  if (wanted != nullptr && name == wanted) {
    ::raise(SIGKILL);
  }
}

void fault_point(std::string_view name) {
  // TEST-ONLY: see crash_hook.hpp. Unset in normal use.
  const char* wanted = std::getenv("STET_TEST_FAULT_AT");
  if (wanted != nullptr && name == wanted) {
    throw Error("injected fault at " + std::string(name));
  }
}

}  // namespace stet::store
