// Fuzz target: signed notes, checkpoint text and vkeys (store/log). Any bytes
// either parse or throw store::InvalidInputError; a parsed note formats back
// to the same bytes; its signatures are checked against a fixed key without
// crashing; a parsed tree head formats back to the note text.

#include "store/error.hpp"
#include "store/log/log.hpp"
#include "store/log/note.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

const stet::store::log::Vkey& fixed_key() {
  static const stet::store::log::Vkey key =
      stet::store::log::parse_vkey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
  return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sl = stet::store::log;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)sl::parse_vkey(text);
  } catch (const stet::store::InvalidInputError&) {
  }
  sl::Note note;
  try {
    note = sl::parse_note(text);
  } catch (const stet::store::InvalidInputError&) {
    return 0;
  }
  require(sl::format_note(note) == text);
  require(sl::check_signatures(note, {fixed_key()}).size() == 1);
  try {
    sl::TreeHead head = sl::parse_tree_head(note.text);
    require(sl::format_tree_head(head) == note.text);
  } catch (const stet::store::InvalidInputError&) {
  }
  return 0;
}
