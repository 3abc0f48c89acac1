#pragma once
// (private) TEST-ONLY crash points. When the environment variable
// STET_TEST_CRASH_AT names a point, the process kills itself with SIGKILL
// there, so the crash tests can stop an ingest or an init at an exact step.
// When the variable is unset (always, outside tests) this does nothing.
// This is the only place in stet that reads STET_TEST_CRASH_AT and
// STET_TEST_FAULT_AT.

#include <string_view>

namespace stet::store {

// Points: ingest "after-objects", "after-commit-object", "before-ref-update",
// "after-ref-update"; init "init-after-git-init", "init-before-rename",
// "init-after-rename". See docs/reliability.md.
void crash_point(std::string_view name);

// TEST-ONLY fault points: when STET_TEST_FAULT_AT names `name`, throws
// store::Error("injected fault at <name>"). The sync tests use it inside the
// libgit2 callbacks ("push-update-reference", "credentials") to show that an
// exception there surfaces as a clean error after the libgit2 call.
void fault_point(std::string_view name);

}  // namespace stet::store
