#pragma once
// (private) The writers' lock of a store: an flock(2) on `stet.lock`. The
// kernel drops it when its holder dies, so a crashed writer can never leave
// the store locked.

#include <chrono>
#include <filesystem>

namespace stet::store {

class StoreLock {
 public:
  // Waits up to `timeout` for the lock. Throws Error on timeout or when the
  // lock file cannot be created (e.g. a read-only store).
  StoreLock(const std::filesystem::path& store, std::chrono::milliseconds timeout);
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

 private:
  int m_fd = -1;
};

}  // namespace stet::store
