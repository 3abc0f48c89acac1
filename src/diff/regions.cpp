#include "diff/align.hpp"
#include "diff/internal.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <thread>

namespace stet::diff {

namespace {

// Bytes of both texts below which hashing lines on two threads does not pay.
constexpr std::size_t k_parallel_bytes = 512 * 1024;

struct Lines {
  std::vector<std::size_t> starts;  // start offset of each line, then the text size
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> weights;  // bytes, so that anchors keep the most text
};

Lines split_lines(std::string_view text) {
  Lines lines;
  auto count = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  lines.starts.reserve(count + 1);
  lines.keys.reserve(count);
  lines.weights.reserve(count);
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t newline = text.find('\n', at);
    std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.starts.push_back(at);
    lines.keys.push_back(std::hash<std::string_view>{}(text.substr(at, end - at)));
    lines.weights.push_back(static_cast<std::uint32_t>(std::min<std::size_t>(end - at, UINT32_MAX)));
    at = end;
  }
  lines.starts.push_back(text.size());
  return lines;
}

// Keeps only matches whose lines are equal byte for byte (a hash collision
// must not hide a change).
std::vector<Match> verified(std::string_view a, std::string_view b, const Lines& la, const Lines& lb,
                            const std::vector<Match>& matches) {
  std::vector<Match> out;
  out.reserve(matches.size());
  for (const Match& m : matches) {
    std::string_view x = a.substr(la.starts[m.a], la.starts[m.a + 1] - la.starts[m.a]);
    std::string_view y = b.substr(lb.starts[m.b], lb.starts[m.b + 1] - lb.starts[m.b]);
    if (x == y) {
      out.push_back(m);
    }
  }
  return out;
}

void add_region(std::vector<Region>& regions, bool equal, Span a, Span b) {
  if (a.empty() && b.empty()) {
    return;
  }
  if (!regions.empty() && regions.back().equal == equal) {
    regions.back().a.end = a.end;
    regions.back().b.end = b.end;
    return;
  }
  regions.push_back({equal, a, b});
}

}  // namespace

std::vector<Region> line_regions(std::string_view a, std::string_view b, bool parallel) {
  // Large texts: side B's lines are hashed on a second thread meanwhile.
  Lines lb;
  std::exception_ptr failure;
  std::thread helper;
  if (parallel && a.size() + b.size() >= k_parallel_bytes && std::thread::hardware_concurrency() > 1) {
    helper = std::thread([&lb, &failure, b] {
      try {
        lb = split_lines(b);
      } catch (...) {
        failure = std::current_exception();
      }
    });
  }
  Lines la;
  std::exception_ptr own;
  try {
    la = split_lines(a);
  } catch (...) {
    own = std::current_exception();  // the helper is joined first
  }
  if (helper.joinable()) {
    helper.join();
  } else if (!own) {
    lb = split_lines(b);
  }
  for (const std::exception_ptr& error : {own, failure}) {
    if (error) {
      std::rethrow_exception(error);
    }
  }
  std::vector<Match> matches = verified(a, b, la, lb, align(la.keys, lb.keys, LeafAligner{}, 0, la.weights));
  std::vector<Region> regions;
  std::size_t i = 0;
  std::size_t j = 0;
  for (const Match& m : matches) {
    add_region(regions, false, {la.starts[i], la.starts[m.a]}, {lb.starts[j], lb.starts[m.b]});
    add_region(regions, true, {la.starts[m.a], la.starts[m.a + 1]}, {lb.starts[m.b], lb.starts[m.b + 1]});
    i = m.a + 1;
    j = m.b + 1;
  }
  add_region(regions, false, {la.starts[i], a.size()}, {lb.starts[j], b.size()});
  return regions;
}

}  // namespace stet::diff
