// Sentence breaking throughput: text::sentences (the ASCII fast path, ICU
// for other lines) against text::sentences_icu (ICU's BreakIterator over
// the whole text, the same post-processing), over every file of a folder,
// medians of 7 alternating runs. Usage: sentences_speed DIR

#include "text/sentences.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

double seconds_for(const std::vector<std::string>& texts, bool fast, std::size_t& count) {
  auto start = std::chrono::steady_clock::now();
  count = 0;
  for (const std::string& text : texts) {
    stet::text::SentenceOptions options;
    options.language = "en";
    count += fast ? stet::text::sentences(text, options).size() : stet::text::sentences_icu(text, options).size();
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: sentences_speed DIR\n");
    return 2;
  }
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    if (entry.is_regular_file()) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      texts.push_back(s.str());
      bytes += texts.back().size();
    }
  }
  if (texts.empty()) {
    std::fprintf(stderr, "sentences_speed: no files in %s\n", argv[1]);
    return 2;
  }
  std::vector<double> fast;
  std::vector<double> icu;
  std::size_t fast_count = 0;
  std::size_t icu_count = 0;
  for (int round = 0; round < 7; ++round) {
    fast.push_back(seconds_for(texts, true, fast_count));
    icu.push_back(seconds_for(texts, false, icu_count));
  }
  double mb = static_cast<double>(bytes) / 1e6;
  std::printf("%zu files, %.1f MB, %zu sentences (ICU: %zu)\n", texts.size(), mb, fast_count, icu_count);
  std::printf("text::sentences      %.3f s  %.0f MB/s\n", median(fast), mb / median(fast));
  std::printf("ICU BreakIterator    %.3f s  %.0f MB/s\n", median(icu), mb / median(icu));
  std::printf("speed-up             %.2fx\n", median(icu) / median(fast));
  return fast_count == icu_count ? 0 : 1;
}
