#pragma once
// Reading a WACZ (a zip of WARCs with a datapackage.json): its entries,
// stored or deflated, and the datapackage's SHA-256 digests checked.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::capture {

struct ZipEntry {
  std::string name;
  std::string data;
};

// Every file entry of the zip `file`. Throws WarcError naming `name` and the
// entry for a damaged archive, an unsupported compression method, zip64, or
// a CRC mismatch.
[[nodiscard]] std::vector<ZipEntry> read_zip(std::string_view file, const std::string& name);

struct WaczContents {
  std::vector<ZipEntry> warcs;       // archive/*.warc and *.warc.gz, in name order
  std::vector<std::string> checked;  // datapackage resources whose digest was checked
};

// SHA-256 in lowercase hex (the caller owns the crypto: capture is pure).
using Sha256Hex = std::function<std::string(std::string_view)>;

// The WARCs of a WACZ. Throws WarcError when there is no datapackage.json,
// it does not parse, a listed resource is missing or its sha256 digest or
// size differs, or there is no WARC in archive/. The signature of a signed
// WACZ is not checked.
[[nodiscard]] WaczContents read_wacz(std::string_view file, const std::string& name, const Sha256Hex& sha256_hex);

}  // namespace stet::capture
