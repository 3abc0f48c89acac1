// Fuzz target: document ids. document_id_problem never crashes; an id
// derived from any file name stem is itself valid.

#include "store/document_id.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto problem = stet::store::document_id_problem(text);
  if (problem && problem->find('\n') != std::string::npos) {
    std::abort();  // errors are one line
  }
  if (auto derived = stet::store::document_id_from_stem(text)) {
    if (stet::store::document_id_problem(*derived)) {
      std::abort();
    }
  }
  return 0;
}
