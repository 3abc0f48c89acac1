#pragma once
// C2SP tlog-tiles (c2sp.org/tlog-tiles): the log as static files, full
// tiles of 256 hashes at tile/<L>/<N>, partial tiles at tile/<L>/<N>.p/<W>,
// entry bundles (big-endian uint16 length-prefixed entries) at
// tile/entries/<N>[.p/<W>], and the checkpoint at `checkpoint`.

#include "store/log/merkle.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace stet::store::log {

inline constexpr std::uint64_t k_tile_width = 256;

// "tile/<level>/<index as x001/x234/067>[.p/<width>]" (level -1: entries);
// width 0 or 256 is a full tile.
[[nodiscard]] std::string tile_path(int level, std::uint64_t index, std::uint64_t width);

struct TileFile {
  std::string path;  // relative to the log folder
  std::string bytes;
};

// Every tile and entry bundle of the tree of all of `tree`'s leaves, whose
// entries are `entries` (one per leaf). Throws InvalidInputError for an
// entry longer than 65,535 bytes.
[[nodiscard]] std::vector<TileFile> tile_files(const MerkleTree& tree, const std::vector<std::string>& entries);

struct ExportCount {
  std::uint64_t written = 0;  // new files
  std::uint64_t kept = 0;     // files already there with the same bytes
};

// Writes `files` and `checkpoint` below `dir`. Existing tiles must hold the
// same bytes (tiles are immutable): a difference throws InvalidInputError
// before anything is written. Only `checkpoint` is replaced. Throws Error on
// I/O failure.
ExportCount write_tiles(const std::filesystem::path& dir, const std::vector<TileFile>& files,
                        const std::string& checkpoint);

struct TileCheck {
  std::uint64_t size = 0;               // the tree size checked
  Digest root;                          // recomputed from the entry bundles
  std::vector<std::string> mismatched;  // tiles whose bytes are not the recomputed ones
};

// Reads the entries of a tree of `size` leaves from the bundles below `dir`
// and checks every tile of that tree. Throws InvalidInputError naming the
// first missing file ("a hole") or a malformed bundle.
[[nodiscard]] TileCheck check_tiles(const std::filesystem::path& dir, std::uint64_t size);

}  // namespace stet::store::log
