// Word-level precision, recall and F1 of stet's HTML text extraction on
// the shared web corpus, per source and text mode (see docs/capture.md).
// Usage: capture_eval <corpus/web> [--worst N]

#include "analysis/capture_verdict.hpp"
#include "capture/capture.hpp"
#include "page_score.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>

namespace {

struct Totals {
  double precision = 0, recall = 0, f1 = 0;
  int pages = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: capture_eval CORPUS_WEB_DIR [--worst N]\n";
    return 2;
  }
  int worst = argc >= 4 ? std::stoi(argv[3]) : 0;
  auto pages = stet::bench::load_corpus(argv[1]);
  std::printf("%zu pages\n", pages.size());
  for (auto mode : {stet::capture::TextMode::main, stet::capture::TextMode::visible}) {
    std::map<std::string, Totals> by_source;
    std::vector<std::pair<double, std::string>> scores;
    auto start = std::chrono::steady_clock::now();
    for (const auto& page : pages) {
      auto s = stet::bench::word_score(stet::bench::extract_file(page.html, mode), page.truth);
      for (const std::string& key : {page.source, std::string("all")}) {
        Totals& t = by_source[key];
        t.precision += s.precision;
        t.recall += s.recall;
        t.f1 += s.f1;
        ++t.pages;
      }
      scores.emplace_back(mode == stet::capture::TextMode::main ? s.f1 : s.recall, page.source + "/" + page.name);
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("mode %s (%.2f s)\n", stet::capture::text_mode_name(mode), seconds);
    for (const auto& [source, t] : by_source) {
      double p = t.precision / t.pages, r = t.recall / t.pages;
      std::printf("  %-20s pages %3d  precision %.3f  recall %.3f  F1 %.3f (mean of pages %.3f)\n", source.c_str(),
                  t.pages, p, r, 2 * p * r / (p + r), t.f1 / t.pages);
    }
    std::sort(scores.begin(), scores.end());
    for (int i = 0; i < worst && i < static_cast<int>(scores.size()); ++i) {
      std::printf("    %.3f %s\n", scores[static_cast<std::size_t>(i)].first,
                  scores[static_cast<std::size_t>(i)].second.c_str());
    }
  }
  // Good pages called error pages (false flags of the capture-error verdict).
  int flagged = 0;
  for (const auto& page : pages) {
    std::ifstream in(page.html, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto c = stet::capture::derive_text(bytes, "text/html", stet::capture::TextMode::visible);
    if (auto why = stet::analysis::capture_error({std::nullopt, c.title, c.text})) {
      ++flagged;
      std::printf("  flagged %s/%s: %s\n", page.source.c_str(), page.name.c_str(), why->c_str());
    }
  }
  std::printf("capture-error false flags: %d of %zu good pages\n", flagged, pages.size());
  return 0;
}
