// Fuzz target: cutting an input at separator lines (ingest --split). Every
// part is a piece of the input, in order, and none is blank.

#include "cli/input_files.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::size_t from = 0;
  for (const std::string& part : stet::cli::split_parts(text)) {
    std::size_t at = text.find(part, from);
    if (part.empty() || at == std::string::npos) {
      std::abort();
    }
    from = at + part.size();
  }
  return 0;
}
