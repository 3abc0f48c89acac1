// Fuzz target: the ingest manifest parser (CSV or JSON Lines). It never
// throws, every row has a path, and rows and problems come in line order.

#include "cli/manifest.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stet::cli::Manifest manifest = stet::cli::parse_manifest(text);
  std::size_t last = 0;
  for (const stet::cli::ManifestRow& row : manifest.rows) {
    if (row.path.empty() || row.line <= last || row.line == 0) {
      std::abort();
    }
    last = row.line;
  }
  if (manifest.rows.empty() && manifest.problems.empty() &&
      text.find_first_not_of(" \t\r\n") != std::string_view::npos && text.find('\n') == std::string_view::npos &&
      text.front() == '{') {
    std::abort();  // a lone non-blank JSON line is a row or a problem
  }
  return 0;
}
