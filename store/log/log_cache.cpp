// The log index beside a store (see log_cache.hpp).

#include "log_cache.hpp"

#include "store/error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>

namespace stet::store::log {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_magic = "stet-log-cache 2\n";
constexpr std::size_t k_key_size = 16;
constexpr std::size_t k_row_size = k_key_size + 16;
constexpr std::size_t k_header_size = k_magic.size() + 41 + 16;
constexpr std::uint64_t k_max_leaves = std::uint64_t{1} << 40;

using Key = std::array<unsigned char, k_key_size>;

Key version_key(std::string_view doc, std::string_view sha) {
  Sha256 hasher;
  hasher.update(doc);
  hasher.update("\t");
  hasher.update(sha);
  Digest d = hasher.finish();
  Key key{};
  std::copy_n(d.bytes().begin(), k_key_size, key.begin());
  return key;
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) {
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
}

std::uint64_t get_u64(const char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) {
    v = (v << 8) | static_cast<unsigned char>(p[i]);
  }
  return v;
}

// Hashes in levels 0.. of a tree of n leaves (levels as MerkleTree keeps them).
std::uint64_t level_hashes(std::uint64_t n) {
  std::uint64_t total = 0;
  for (std::uint64_t count = n;; count /= 2) {
    total += count;
    if (count <= 1) {
      return total;
    }
  }
}

// The byte offset of level `level` in the levels section of a tree of n.
std::uint64_t level_offset(std::uint64_t n, std::size_t level) {
  std::uint64_t offset = 0;
  for (std::size_t l = 0; l < level; ++l) {
    offset += (n >> l) * Digest::k_size;
  }
  return offset;
}

struct Header {
  std::string head;
  std::uint64_t n = 0;
  std::uint64_t entry_bytes = 0;
};

std::optional<Header> parse_header(std::string_view text) {
  if (text.size() < k_header_size || !text.starts_with(k_magic) || text[k_magic.size() + 40] != '\n') {
    return std::nullopt;
  }
  Header h;
  h.head = std::string(text.substr(k_magic.size(), 40));
  h.n = get_u64(text.data() + k_magic.size() + 41);
  h.entry_bytes = get_u64(text.data() + k_magic.size() + 49);
  if (!is_hex(h.head) || h.n > k_max_leaves || h.entry_bytes > (std::uint64_t{1} << 45)) {
    return std::nullopt;
  }
  return h;
}

// The file's size for a header, checksum included.
std::uint64_t file_size(const Header& h) {
  return k_header_size + h.entry_bytes + h.n * k_row_size + level_hashes(h.n) * Digest::k_size + Digest::k_size;
}

std::optional<LogEntry> parse_entry(std::string_view line) {
  auto a = line.find('\t');
  auto b = a == std::string_view::npos ? a : line.find('\t', a + 1);
  if (b == std::string_view::npos) {
    return std::nullopt;
  }
  return LogEntry{std::string(line.substr(0, a)), std::string(line.substr(a + 1, b - a - 1)),
                  std::string(line.substr(b + 1)), ""};
}

Digest digest_at(const char* p) {
  Digest::Bytes bytes{};
  std::memcpy(bytes.data(), p, Digest::k_size);
  return Digest(bytes);
}

StoreLog parse_cache(std::string_view text) {
  auto header = parse_header(text);
  if (!header || text.size() != file_size(*header)) {
    return {};
  }
  std::string_view body = text.substr(0, text.size() - Digest::k_size);
  if (sha256(body) != digest_at(text.data() + body.size())) {
    return {};
  }
  StoreLog log;
  std::string_view lines = text.substr(k_header_size, header->entry_bytes);
  log.entries.reserve(header->n);
  for (std::uint64_t i = 0; i < header->n; ++i) {
    auto end = lines.find('\n');
    auto entry = end == std::string_view::npos ? std::nullopt : parse_entry(lines.substr(0, end));
    if (!entry) {
      return {};
    }
    log.entries.push_back(std::move(*entry));
    lines.remove_prefix(end + 1);
  }
  if (!lines.empty()) {
    return {};
  }
  const char* at = text.data() + k_header_size + header->entry_bytes + header->n * k_row_size;
  std::vector<std::vector<Digest>> levels;
  for (std::uint64_t count = header->n;; count /= 2) {
    std::vector<Digest> level;
    level.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i, at += Digest::k_size) {
      level.push_back(digest_at(at));
    }
    levels.push_back(std::move(level));
    if (count <= 1) {
      break;
    }
  }
  try {
    log.tree = MerkleTree::from_levels(std::move(levels));
  } catch (const InvalidInputError&) {
    return {};
  }
  log.head = header->head;
  return log;
}

}  // namespace

StoreLog load_log_cache(const fs::path& store) {
  std::ifstream in(store / k_log_cache_file, std::ios::binary | std::ios::ate);
  if (!in) {
    return {};
  }
  std::string text(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    return {};
  }
  return parse_cache(text);
}

void save_log_cache(const fs::path& store, const StoreLog& log) {
  if (log.tree.size() != log.entries.size() || log.head.size() != 40) {
    return;
  }
  std::string lines;
  struct Row {
    Key key;
    std::uint64_t leaf;
    std::uint64_t offset;
  };
  std::vector<Row> rows;
  rows.reserve(log.entries.size());
  for (std::uint64_t i = 0; i < log.entries.size(); ++i) {
    const LogEntry& e = log.entries[i];
    rows.push_back({version_key(e.doc, e.sha256), i, lines.size()});
    lines += e.doc + "\t" + e.sha256 + "\t" + e.name + "\n";
  }
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return std::tie(a.key, a.leaf) < std::tie(b.key, b.leaf); });
  std::string out(k_magic);
  out += log.head + "\n";
  put_u64(out, log.entries.size());
  put_u64(out, lines.size());
  out += lines;
  for (const Row& r : rows) {
    out.append(reinterpret_cast<const char*>(r.key.data()), k_key_size);
    put_u64(out, r.leaf);
    put_u64(out, r.offset);
  }
  for (std::uint64_t count = log.entries.size(), l = 0;; count /= 2, ++l) {
    for (std::uint64_t i = 0; i < count; ++i) {
      out.append(reinterpret_cast<const char*>(log.tree.node(l, i).bytes().data()), Digest::k_size);
    }
    if (count <= 1) {
      break;
    }
  }
  Digest sum = sha256(out);
  out.append(reinterpret_cast<const char*>(sum.bytes().data()), Digest::k_size);
  fs::path temp = store / (std::string(k_log_cache_file) + "." + std::to_string(::getpid()));
  std::ofstream file(temp, std::ios::binary | std::ios::trunc);
  bool ok = static_cast<bool>(file << out) && static_cast<bool>(file.flush());
  file.close();
  std::error_code ec;
  if (ok) {
    fs::rename(temp, store / k_log_cache_file, ec);
  }
  if (!ok || ec) {
    fs::remove(temp, ec);
  }
}

std::optional<LogCacheView> LogCacheView::open(const fs::path& store) {
  LogCacheView view;
  view.m_fd = ::open((store / k_log_cache_file).c_str(), O_RDONLY | O_CLOEXEC);
  if (view.m_fd < 0) {
    return std::nullopt;
  }
  std::string head(k_header_size, '\0');
  struct stat st {};
  if (::pread(view.m_fd, head.data(), head.size(), 0) != static_cast<ssize_t>(head.size()) ||
      ::fstat(view.m_fd, &st) != 0) {
    return std::nullopt;
  }
  auto header = parse_header(head);
  if (!header || static_cast<std::uint64_t>(st.st_size) != file_size(*header)) {
    return std::nullopt;
  }
  view.m_head = header->head;
  view.m_size = header->n;
  view.m_entries_at = k_header_size;
  view.m_rows_at = k_header_size + header->entry_bytes;
  view.m_levels_at = view.m_rows_at + header->n * k_row_size;
  return view;
}

LogCacheView::LogCacheView(LogCacheView&& other) noexcept
    : m_fd(other.m_fd),
      m_head(std::move(other.m_head)),
      m_size(other.m_size),
      m_entries_at(other.m_entries_at),
      m_rows_at(other.m_rows_at),
      m_levels_at(other.m_levels_at) {
  other.m_fd = -1;
}

LogCacheView::~LogCacheView() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

void LogCacheView::read_at(std::uint64_t offset, void* out, std::size_t size) const {
  if (::pread(m_fd, out, size, static_cast<off_t>(offset)) != static_cast<ssize_t>(size)) {
    throw Error("cannot read the log index " + std::string(k_log_cache_file));
  }
}

Digest LogCacheView::node(std::size_t level, std::uint64_t index) const {
  if (level >= 64 || index >= (m_size >> level)) {
    throw Error("the log index has no subtree " + std::to_string(level) + "/" + std::to_string(index));
  }
  Digest::Bytes bytes{};
  read_at(m_levels_at + level_offset(m_size, level) + index * Digest::k_size, bytes.data(), bytes.size());
  return Digest(bytes);
}

std::optional<LogCacheView::Leaf> LogCacheView::first_leaf(const std::string& doc, const std::string& sha256) const {
  Key key = version_key(doc, sha256);
  std::array<char, k_row_size> row{};
  auto row_key = [&](std::uint64_t i) {
    read_at(m_rows_at + i * k_row_size, row.data(), row.size());
    Key k{};
    std::memcpy(k.data(), row.data(), k_key_size);
    return k;
  };
  std::uint64_t lo = 0;
  std::uint64_t hi = m_size;
  while (lo < hi) {  // the first row with a key not below `key`
    std::uint64_t mid = lo + (hi - lo) / 2;
    if (row_key(mid) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  for (std::uint64_t i = lo; i < m_size && row_key(i) == key; ++i) {
    std::uint64_t leaf = get_u64(row.data() + k_key_size);
    std::uint64_t offset = get_u64(row.data() + k_key_size + 8);
    if (leaf >= m_size || offset >= m_rows_at - m_entries_at) {
      continue;  // a damaged row: not believed
    }
    std::string line(std::min<std::uint64_t>(4096, m_rows_at - m_entries_at - offset), '\0');
    read_at(m_entries_at + offset, line.data(), line.size());
    auto entry = parse_entry(line.substr(0, line.find('\n')));
    if (entry && entry->doc == doc && entry->sha256 == sha256) {
      return Leaf{leaf, std::move(*entry)};
    }
  }
  return std::nullopt;
}

}  // namespace stet::store::log
