#include "analysis/nearest_version.hpp"

#include <algorithm>
#include <vector>

namespace stet::analysis {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && is_space(text[at])) {
      ++at;
    }
    std::size_t start = at;
    while (at < text.size() && !is_space(text[at])) {
      ++at;
    }
    if (at > start) {
      out.push_back(text.substr(start, at - start));
    }
  }
  return out;
}

std::string count(std::size_t n) { return std::to_string(n) + (n == 1 ? " word" : " words"); }

std::string are(std::size_t n) { return n == 1 ? " is" : " are"; }

}  // namespace

WordOverlap word_overlap(std::string_view file, std::string_view version) {
  auto a = words(file);
  auto b = words(version);
  WordOverlap o{a.size(), b.size(), 0, 0};
  std::size_t limit = std::min(a.size(), b.size());
  while (o.common_prefix < limit && a[o.common_prefix] == b[o.common_prefix]) {
    ++o.common_prefix;
  }
  while (o.common_prefix + o.common_suffix < limit &&
         a[a.size() - 1 - o.common_suffix] == b[b.size() - 1 - o.common_suffix]) {
    ++o.common_suffix;
  }
  return o;
}

double overlap_score(const WordOverlap& o) {
  std::size_t longer = std::max(o.file_words, o.version_words);
  return longer == 0 ? 1.0 : static_cast<double>(o.common_prefix + o.common_suffix) / static_cast<double>(longer);
}

std::string describe_overlap(const WordOverlap& o, const std::string& name) {
  std::size_t common = o.common_prefix + o.common_suffix;
  if (common == o.file_words && common == o.version_words) {
    return "has the same words as " + name + "; only spacing or line breaks differ";
  }
  if (common == o.file_words) {  // the file lacks words of the version
    std::size_t missing = o.version_words - common;
    if (o.common_suffix == 0) {
      return "matches " + name + " except the last " + count(missing) + are(missing) + " missing";
    }
    if (o.common_prefix == 0) {
      return "matches " + name + " except the first " + count(missing) + are(missing) + " missing";
    }
    return "matches " + name + " except " + count(missing) + " after word " + std::to_string(o.common_prefix) +
           are(missing) + " missing";
  }
  if (common == o.version_words) {  // the file has extra words
    std::size_t extra = o.file_words - common;
    std::string where = o.common_suffix == 0   ? " at the end"
                        : o.common_prefix == 0 ? " at the start"
                                               : " after word " + std::to_string(o.common_prefix);
    return "matches " + name + " with " + count(extra) + " added" + where;
  }
  return "shares its first " + count(o.common_prefix) + " and last " + count(o.common_suffix) + " with " + name +
         "; " + count(o.file_words - common) + " of the file and " + count(o.version_words - common) +
         " of the version differ in between";
}

}  // namespace stet::analysis
