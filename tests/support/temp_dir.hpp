#pragma once
// An RAII temporary folder for tests. It is removed on success and kept
// (its path printed) when the test that made it failed.

#include <filesystem>
#include <string>
#include <string_view>

namespace stet::test {

class TempDir {
 public:
  // A fresh folder below `base` (default: the system's temporary folder).
  explicit TempDir(const std::filesystem::path& base = {});
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  // path() / name
  [[nodiscard]] std::filesystem::path operator/(std::string_view name) const { return m_path / name; }
  // Writes `content` to path()/name (creating folders) and returns the path.
  std::filesystem::path write(std::string_view name, std::string_view content) const;

 private:
  std::filesystem::path m_path;
  long m_failures_at_start = 0;
};

// Writes `text` to `path` (replacing it); throws when it cannot be written.
void write_file(const std::filesystem::path& path, std::string_view text);

// The whole content of a file; throws when it cannot be read.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

// A fingerprint of every file below `dir` (paths, sizes, contents), to prove
// that a failed command left a store exactly as it was. The writers' lock
// file is ignored: taking the lock is not a change.
[[nodiscard]] std::string tree_fingerprint(const std::filesystem::path& dir);

}  // namespace stet::test
