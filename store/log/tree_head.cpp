// The text of a C2SP tlog-checkpoint.

#include "store/error.hpp"
#include "store/log/base64.hpp"
#include "store/log/log.hpp"

namespace stet::store::log {

namespace {

std::uint64_t parse_size(const std::string& line) {
  if (line.empty() || line.size() > 19 || (line.size() > 1 && line[0] == '0') ||
      line.find_first_not_of("0123456789") != std::string::npos) {
    throw InvalidInputError("malformed checkpoint: the tree size is not a decimal number without leading zeros");
  }
  return std::stoull(line);
}

}  // namespace

std::string format_tree_head(const TreeHead& head) {
  std::string out = head.origin + "\n" + std::to_string(head.size) + "\n" +
                    base64_encode({reinterpret_cast<const char*>(head.root.bytes().data()), Digest::k_size}) + "\n";
  for (const std::string& line : head.extensions) {
    out += line + "\n";
  }
  return out;
}

TreeHead parse_tree_head(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    auto end = text.find('\n');
    if (end == std::string_view::npos) {
      throw InvalidInputError("malformed checkpoint: the text does not end in a newline");
    }
    lines.emplace_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  if (lines.size() < 3) {
    throw InvalidInputError("malformed checkpoint: fewer than three lines (origin, tree size, root hash)");
  }
  TreeHead head;
  head.origin = lines[0];
  if (head.origin.empty()) {
    throw InvalidInputError("malformed checkpoint: the origin line is empty");
  }
  head.size = parse_size(lines[1]);
  auto root = base64_decode(lines[2]);
  if (!root || root->size() != Digest::k_size) {
    throw InvalidInputError("malformed checkpoint: the root hash is not base64 of 32 bytes");
  }
  Digest::Bytes bytes{};
  std::copy(root->begin(), root->end(), bytes.begin());
  head.root = Digest(bytes);
  for (std::size_t i = 3; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      throw InvalidInputError("malformed checkpoint: an empty extension line");
    }
    head.extensions.push_back(lines[i]);
  }
  return head;
}

}  // namespace stet::store::log
