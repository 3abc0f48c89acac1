#include "repo/store_lock.hpp"

#include "format/layout.hpp"
#include "store/error.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace stet::store {

StoreLock::StoreLock(const std::filesystem::path& store, std::chrono::milliseconds timeout) {
  auto path = store / layout::k_lock_file;
  m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0) {
    throw Error("cannot open lock file " + path.string() + ": " + std::strerror(errno));
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto pause = std::chrono::milliseconds(1);
  while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int saved = errno;
      ::close(m_fd);
      throw Error("cannot lock " + path.string() + ": " + std::strerror(saved));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(m_fd);
      throw Error("timed out waiting for another stet process to release " + path.string());
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

StoreLock::~StoreLock() {
  if (m_fd >= 0) {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
  }
}

}  // namespace stet::store
