#include "store/document_id.hpp"

#include <cctype>

namespace stet::store {

namespace {

bool is_id_start(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool is_id_char(char c) { return is_id_start(c) || c == '.' || c == '_' || c == '-'; }

std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      out += "\\x";
      out += "0123456789abcdef"[byte >> 4U];
      out += "0123456789abcdef"[byte & 0xFU];
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> segment_problem(std::string_view segment) {
  if (segment.empty()) {
    return "an empty segment (leading, trailing or double '/')";
  }
  if (!is_id_start(segment.front())) {
    return "segment '" + printable(segment) + "' must start with a-z or 0-9";
  }
  for (char c : segment) {
    if (!is_id_char(c)) {
      return "segment '" + printable(segment) + "' may hold only a-z, 0-9, '.', '_' and '-'";
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> document_id_problem(std::string_view id) {
  std::string reason;
  if (id.empty()) {
    reason = "it is empty";
  } else if (id.size() > k_max_document_id_length) {
    reason = "it is longer than 200 characters";
  } else {
    std::size_t start = 0;
    while (reason.empty()) {
      std::size_t slash = id.find('/', start);
      std::string_view segment = id.substr(start, slash == std::string_view::npos ? id.npos : slash - start);
      if (auto problem = segment_problem(segment)) {
        reason = *problem;
      }
      if (slash == std::string_view::npos) {
        break;
      }
      start = slash + 1;
    }
  }
  if (reason.empty()) {
    return std::nullopt;
  }
  return "invalid document id '" + printable(id) + "': " + reason;
}

std::optional<std::string> document_id_from_stem(std::string_view stem) {
  std::string id;
  for (char c : stem) {
    auto lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (is_id_char(lower) && !(id.empty() && !is_id_start(lower))) {
      id += lower;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '.' || id.back() == '_')) {
    id.pop_back();
  }
  if (id.size() > k_max_document_id_length) {
    id.resize(k_max_document_id_length);
  }
  if (id.empty() || document_id_problem(id)) {
    return std::nullopt;
  }
  return id;
}

}  // namespace stet::store
