#include "repo/crash_hook.hpp"

#include <signal.h>

#include <cstdlib>

namespace stet::store {

void crash_point(std::string_view name) {
  // TEST-ONLY: see crash_hook.hpp. Unset in normal use.
  const char* wanted = std::getenv("STET_TEST_CRASH_AT");
  if (wanted != nullptr && name == wanted) {
    ::raise(SIGKILL);
  }
}

}  // namespace stet::store
