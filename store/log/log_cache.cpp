// The log index beside a store (see log_cache.hpp).

#include "log_cache.hpp"

#include "store/error.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace stet::store::log {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_magic = "stet-log-cache 1\n";

bool next_line(std::string_view& text, std::string_view& line) {
  auto end = text.find('\n');
  if (end == std::string_view::npos) {
    return false;
  }
  line = text.substr(0, end);
  text.remove_prefix(end + 1);
  return true;
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

std::optional<std::vector<std::vector<Digest>>> parse_levels(std::string_view raw, std::uint64_t n) {
  std::vector<std::vector<Digest>> levels;
  for (std::uint64_t count = n; count > 0 || levels.empty(); count /= 2) {
    if (raw.size() < count * Digest::k_size) {
      return std::nullopt;
    }
    std::vector<Digest> level(count);
    for (std::uint64_t i = 0; i < count; ++i) {
      Digest::Bytes bytes{};
      std::copy_n(raw.data() + i * Digest::k_size, Digest::k_size, bytes.begin());
      level[i] = Digest(bytes);
    }
    raw.remove_prefix(count * Digest::k_size);
    levels.push_back(std::move(level));
    if (count <= 1) {
      break;
    }
  }
  if (!raw.empty()) {
    return std::nullopt;
  }
  return levels;
}

StoreLog parse_cache(std::string_view text) {
  std::string_view head;
  std::string_view count;
  if (!text.starts_with(k_magic)) {
    return {};
  }
  text.remove_prefix(k_magic.size());
  if (!next_line(text, head) || !next_line(text, count) || head.size() != 40 || count.empty() ||
      count.find_first_not_of("0123456789") != std::string_view::npos || count.size() > 12) {
    return {};
  }
  StoreLog log;
  std::uint64_t n = std::stoull(std::string(count));
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string_view line;
    auto entry = next_line(text, line) ? parse_entry(line) : std::nullopt;
    if (!entry) {
      return {};
    }
    log.entries.push_back(std::move(*entry));
  }
  auto levels = parse_levels(text, n);
  if (!levels) {
    return {};
  }
  try {
    log.tree = MerkleTree::from_levels(std::move(*levels));
  } catch (const InvalidInputError&) {
    return {};
  }
  log.head = std::string(head);
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
  std::string out(k_magic);
  out += log.head + "\n" + std::to_string(log.entries.size()) + "\n";
  for (const LogEntry& e : log.entries) {
    out += e.doc + "\t" + e.sha256 + "\t" + e.name + "\n";
  }
  for (const std::vector<Digest>& level : log.tree.levels()) {
    for (const Digest& d : level) {
      out.append(reinterpret_cast<const char*>(d.bytes().data()), Digest::k_size);
    }
  }
  if (log.tree.levels().empty()) {
    return;
  }
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

}  // namespace stet::store::log
