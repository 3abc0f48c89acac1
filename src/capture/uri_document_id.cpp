#include "capture/uri_document_id.hpp"

#include "capture/text_util.hpp"

#include <cstdint>
#include <vector>

namespace stet::capture {

namespace {

constexpr std::size_t k_max_id = 200;

std::string fnv_hex(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  static const char* const digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = digits[h & 0xF];
    h >>= 4;
  }
  return out;
}

bool allowed(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; }
bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// One id segment: lowercase, other characters as '-', ends alphanumeric.
std::string segment(std::string_view raw) {
  std::string out;
  for (char c : ascii_lower(raw)) {
    char mapped = allowed(c) ? c : '-';
    if (mapped == '-' && !out.empty() && out.back() == '-') {
      continue;
    }
    out.push_back(mapped);
  }
  std::size_t first = 0;
  while (first < out.size() && !alnum(out[first])) {
    ++first;
  }
  std::size_t last = out.size();
  while (last > first && !alnum(out[last - 1])) {
    --last;
  }
  return out.substr(first, last - first);
}

}  // namespace

std::string clean_target_uri(std::string_view uri) {
  uri = trim(uri);
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
    uri = trim(uri.substr(1, uri.size() - 2));
  }
  return std::string(uri);
}

std::string document_id_for_uri(std::string_view raw, std::string_view prefix) {
  std::string uri = clean_target_uri(raw);
  std::string_view rest(uri);
  rest = rest.substr(0, rest.find('#'));
  if (std::size_t scheme = rest.find("://"); scheme != std::string_view::npos) {
    rest = rest.substr(scheme + 3);
  }
  std::size_t path_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_start);
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority = authority.substr(at + 1);
  }
  std::string host(authority);
  if (std::size_t colon = host.rfind(':'); colon != std::string::npos) {
    std::string port = host.substr(colon + 1);
    host = host.substr(0, colon) + (port == "80" || port == "443" || port.empty() ? "" : "-" + port);
  }
  std::string_view path = path_start == std::string_view::npos ? std::string_view() : rest.substr(path_start);
  std::string_view query;
  if (std::size_t q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  std::vector<std::string> parts;
  for (std::string_view p : {prefix, std::string_view(host)}) {
    std::size_t pos = 0;
    while (pos <= p.size() && !p.empty()) {
      std::size_t end = p.find('/', pos);
      std::string s = segment(p.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
      if (!s.empty()) {
        parts.push_back(s);
      }
      if (end == std::string_view::npos) {
        break;
      }
      pos = end + 1;
    }
  }
  if (segment(host).empty()) {
    return {};
  }
  std::size_t pos = 0;
  while (pos < path.size()) {
    std::size_t end = path.find('/', pos);
    std::string s = segment(path.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    if (!s.empty()) {
      parts.push_back(s);
    }
    pos = end == std::string_view::npos ? path.size() : end + 1;
  }
  if (path.empty() || path.back() == '/') {
    parts.push_back("index");
  }
  if (!query.empty()) {
    parts.push_back("q-" + fnv_hex(query));
  }
  std::string id;
  for (const std::string& p : parts) {
    id += (id.empty() ? "" : "/") + p;
  }
  if (id.size() > k_max_id) {
    std::string cut = id.substr(0, k_max_id - 17);
    while (!cut.empty() && !alnum(cut.back())) {
      cut.pop_back();
    }
    id = cut + "-" + fnv_hex(uri);
  }
  return id;
}

}  // namespace stet::capture
