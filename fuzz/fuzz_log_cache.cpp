// Fuzz target: the log index file beside a store (`stet-log.cache`,
// store/log/log_cache). The bytes are written as a store folder's index and
// read both ways: load_log_cache gives an empty log or one whose saved form
// is the same bytes (the format is canonical and checksummed); the look-up
// view either refuses the file or answers every node and leaf look-up, or
// throws store::Error, never reading outside the file. When both accept the
// file, they agree.

#include "log/log_cache.hpp"
#include "store/error.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
namespace sl = stet::store::log;

namespace {

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

const fs::path& folder(const char* name) {
  static const fs::path root = fs::temp_directory_path() / ("stet-fuzz-log-cache-" + std::to_string(::getpid()));
  static const bool made = fs::create_directories(root / "in") && fs::create_directories(root / "out");
  (void)made;
  static const fs::path in = root / "in";
  static const fs::path out = root / "out";
  return std::string_view(name) == "in" ? in : out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void look_up(const sl::LogCacheView& view, const sl::StoreLog& log) {
  bool agree = !log.head.empty() && log.head == view.head();
  if (agree) {
    require(view.size() == log.tree.size());
  }
  std::uint64_t size = view.size();
  for (std::size_t level = 0; level < 64 && (size >> level) > 0; ++level) {
    std::uint64_t count = size >> level;
    for (std::uint64_t index : {std::uint64_t{0}, count / 2, count - 1}) {
      stet::store::Digest hash = view.node(level, index);
      if (agree) {
        require(hash == log.tree.node(level, index));
      }
    }
  }
  for (std::size_t i = 0; i < log.entries.size() && i < 8; ++i) {
    auto leaf = view.first_leaf(log.entries[i].doc, log.entries[i].sha256);
    if (agree) {
      require(leaf && leaf->index <= i && leaf->entry.doc == log.entries[i].doc);
    }
  }
  (void)view.first_leaf("no such document", std::string(64, '0'));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path& in = folder("in");
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream file(in / sl::k_log_cache_file, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  sl::StoreLog log = sl::load_log_cache(in);
  if (!log.head.empty()) {
    const fs::path& out = folder("out");
    sl::save_log_cache(out, log);
    require(read_file(out / sl::k_log_cache_file) == bytes);
  }
  try {
    if (auto view = sl::LogCacheView::open(in)) {
      look_up(*view, log);
    }
  } catch (const stet::store::Error&) {
  }
  return 0;
}
