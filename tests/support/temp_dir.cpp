#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <vector>

namespace stet::test {

namespace fs = std::filesystem;

extern std::atomic<long> g_failed_assertions;

TempDir::TempDir(const fs::path& base) {
  std::random_device random;
  m_path = (base.empty() ? fs::temp_directory_path() : base) /
           ("stet-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
  fs::create_directories(m_path);
  m_failures_at_start = g_failed_assertions.load();
}

TempDir::~TempDir() {
  bool failed = g_failed_assertions.load() != m_failures_at_start;
  if (failed || std::getenv("STET_KEEP_TEMP") != nullptr) {
    std::cerr << "test files kept in " << m_path.string() << "\n";
    return;
  }
  std::error_code ec;
  fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(m_path, ec);
}

fs::path TempDir::write(std::string_view name, std::string_view content) const {
  fs::path file = m_path / name;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) {
    throw std::runtime_error("cannot write " + file.string());
  }
  return file;
}

void write_file(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string tree_fingerprint(const fs::path& dir) {
  std::vector<std::string> lines;
  if (!fs::exists(dir)) {
    return "<absent>";
  }
  if (!fs::is_directory(dir)) {
    return "<file>" + read_file(dir);
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    std::string rel = fs::relative(entry.path(), dir).string();
    if (rel == "stet.lock") {
      continue;
    }
    if (entry.is_regular_file()) {
      lines.push_back(rel + " " + std::to_string(entry.file_size()) + " " +
                      std::to_string(std::hash<std::string>{}(read_file(entry.path()))));
    } else {
      lines.push_back(rel + "/");
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) {
    out += line + "\n";
  }
  return out;
}

}  // namespace stet::test
