// tlog-tiles: building, writing and checking a tile set.

#include "store/log/tiles.hpp"

#include "store/error.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

namespace stet::store::log {

namespace fs = std::filesystem;

namespace {

std::string index_path(std::uint64_t index) {
  std::string out;
  std::vector<std::string> groups;
  do {
    std::string g = std::to_string(index % 1000);
    groups.insert(groups.begin(), std::string(3 - g.size(), '0') + g);
    index /= 1000;
  } while (index > 0);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    out += (i + 1 < groups.size() ? "x" : "") + groups[i] + (i + 1 < groups.size() ? "/" : "");
  }
  return out;
}

// The root of a perfect tree whose 2^k bottom hashes are `hashes`.
Digest perfect_root(std::vector<Digest> hashes) {
  while (hashes.size() > 1) {
    for (std::size_t i = 0; i < hashes.size() / 2; ++i) {
      hashes[i] = node_hash(hashes[2 * i], hashes[2 * i + 1]);
    }
    hashes.resize(hashes.size() / 2);
  }
  return hashes.front();
}

std::string concat(const std::vector<Digest>& hashes, std::size_t begin, std::size_t end) {
  std::string out;
  out.reserve((end - begin) * Digest::k_size);
  for (std::size_t i = begin; i < end; ++i) {
    out.append(reinterpret_cast<const char*>(hashes[i].bytes().data()), Digest::k_size);
  }
  return out;
}

void add_bundles(const std::vector<std::string>& entries, std::vector<TileFile>& out) {
  for (std::size_t begin = 0; begin < entries.size(); begin += k_tile_width) {
    std::size_t end = std::min<std::size_t>(begin + k_tile_width, entries.size());
    std::string bytes;
    for (std::size_t i = begin; i < end; ++i) {
      if (entries[i].size() > 0xffff) {
        throw InvalidInputError("log entry " + std::to_string(i) + " is longer than 65,535 bytes");
      }
      bytes += static_cast<char>(entries[i].size() >> 8);
      bytes += static_cast<char>(entries[i].size() & 0xff);
      bytes += entries[i];
    }
    out.push_back({tile_path(-1, begin / k_tile_width, end - begin), std::move(bytes)});
  }
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  fs::path temp = path;
  temp += ".tmp";
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  if (!(out << bytes) || !out.flush()) {
    throw Error("cannot write " + temp.string());
  }
  out.close();
  fs::rename(temp, path);
}

// The entries of `bundle` (big-endian uint16 length prefixes).
std::vector<std::string> split_bundle(const std::string& bundle, const std::string& name) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < bundle.size();) {
    if (at + 2 > bundle.size()) {
      throw InvalidInputError("malformed entry bundle " + name + ": a cut length prefix");
    }
    std::size_t n = static_cast<std::size_t>(static_cast<unsigned char>(bundle[at])) << 8 |
                    static_cast<unsigned char>(bundle[at + 1]);
    if (at + 2 + n > bundle.size()) {
      throw InvalidInputError("malformed entry bundle " + name + ": an entry runs past its end");
    }
    out.push_back(bundle.substr(at + 2, n));
    at += 2 + n;
  }
  return out;
}

}  // namespace

std::string tile_path(int level, std::uint64_t index, std::uint64_t width) {
  std::string out = "tile/" + (level < 0 ? std::string("entries") : std::to_string(level)) + "/" + index_path(index);
  if (width != 0 && width != k_tile_width) {
    out += ".p/" + std::to_string(width);
  }
  return out;
}

std::vector<TileFile> tile_files(const MerkleTree& tree, const std::vector<std::string>& entries) {
  std::vector<TileFile> out;
  add_bundles(entries, out);
  std::vector<Digest> level_hashes = tree.leaves();
  for (int level = 0; !level_hashes.empty(); ++level) {
    std::vector<Digest> above;
    for (std::size_t begin = 0; begin < level_hashes.size(); begin += k_tile_width) {
      std::size_t end = std::min<std::size_t>(begin + k_tile_width, level_hashes.size());
      out.push_back({tile_path(level, begin / k_tile_width, end - begin), concat(level_hashes, begin, end)});
      if (end - begin == k_tile_width) {
        above.push_back(perfect_root({level_hashes.begin() + static_cast<std::ptrdiff_t>(begin),
                                      level_hashes.begin() + static_cast<std::ptrdiff_t>(end)}));
      }
    }
    level_hashes = std::move(above);
  }
  return out;
}

ExportCount write_tiles(const fs::path& dir, const std::vector<TileFile>& files, const std::string& checkpoint) {
  ExportCount count;
  std::vector<const TileFile*> missing;
  for (const TileFile& f : files) {
    auto existing = read_file(dir / f.path);
    if (!existing) {
      missing.push_back(&f);
    } else if (*existing != f.bytes) {
      throw InvalidInputError((dir / f.path).string() +
                              " already holds other bytes: the folder holds another "
                              "log, or this log is not append-only");
    } else {
      ++count.kept;
    }
  }
  for (const TileFile* f : missing) {
    write_file(dir / f->path, f->bytes);
    ++count.written;
  }
  write_file(dir / "checkpoint", checkpoint);
  return count;
}

TileCheck check_tiles(const fs::path& dir, std::uint64_t size) {
  std::vector<std::string> entries;
  for (std::uint64_t begin = 0; begin < size; begin += k_tile_width) {
    std::uint64_t width = std::min<std::uint64_t>(k_tile_width, size - begin);
    std::string name = tile_path(-1, begin / k_tile_width, width);
    auto bundle = read_file(dir / name);
    if (!bundle && width < k_tile_width) {
      name = tile_path(-1, begin / k_tile_width, k_tile_width);  // a later full bundle may replace the partial
      bundle = read_file(dir / name);
    }
    if (!bundle) {
      throw InvalidInputError("the tile set has a hole: " + name + " is missing");
    }
    auto got = split_bundle(*bundle, name);
    if (got.size() < width) {
      throw InvalidInputError("malformed entry bundle " + name + ": fewer entries than its width");
    }
    entries.insert(entries.end(), got.begin(), got.begin() + static_cast<std::ptrdiff_t>(width));
  }
  std::vector<Digest> hashes;
  for (const std::string& e : entries) {
    hashes.push_back(leaf_hash(e));
  }
  MerkleTree tree(std::move(hashes));
  TileCheck check{size, tree.root(), {}};
  for (const TileFile& f : tile_files(tree, entries)) {
    if (f.path.starts_with("tile/entries/")) {
      continue;
    }
    auto bytes = read_file(dir / f.path);
    if (!bytes) {
      throw InvalidInputError("the tile set has a hole: " + f.path + " is missing");
    }
    if (*bytes != f.bytes) {
      check.mismatched.push_back(f.path);
    }
  }
  return check;
}

}  // namespace stet::store::log
