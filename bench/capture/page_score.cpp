#include "page_score.hpp"

#include "capture/capture.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace stet::bench {

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Decodes one UTF-8 sequence at `i`; returns its code point and advances.
unsigned next_code_point(std::string_view text, std::size_t& i) {
  auto c = static_cast<unsigned char>(text[i++]);
  if (c < 0x80) {
    return c;
  }
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  unsigned cp = c & (0x3FU >> extra);
  for (int k = 0; k < extra && i < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3FU);
  }
  return cp;
}

// Ideographs and kana are words one by one, as stet counts them.
bool is_cjk(unsigned cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool is_word_cp(unsigned cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  bool punct = (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
               (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
               cp == 0xFEFF || (cp >= 0x2190 && cp <= 0x2BFF);
  return !punct;
}

}  // namespace

std::vector<std::string> score_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    unsigned cp = next_code_point(text, i);
    if (is_cjk(cp)) {
      if (!current.empty()) {
        words.push_back(std::move(current));
        current.clear();
      }
      words.emplace_back(text.substr(start, i - start));
    } else if (is_word_cp(cp)) {
      for (std::size_t k = start; k < i; ++k) {
        char c = text[k];
        current.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      }
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) {
    words.push_back(std::move(current));
  }
  return words;
}

Score word_score(std::string_view extracted, std::string_view truth) {
  std::map<std::string, long> want;
  auto truth_words = score_words(truth);
  for (const std::string& w : truth_words) {
    ++want[w];
  }
  auto got = score_words(extracted);
  long matched = 0;
  for (const std::string& w : got) {
    auto it = want.find(w);
    if (it != want.end() && it->second > 0) {
      --it->second;
      ++matched;
    }
  }
  Score s;
  s.precision =
      got.empty() ? (truth_words.empty() ? 1 : 0) : static_cast<double>(matched) / static_cast<double>(got.size());
  s.recall = truth_words.empty() ? 1 : static_cast<double>(matched) / static_cast<double>(truth_words.size());
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

std::string extract_file(const std::filesystem::path& html, capture::TextMode mode) {
  return capture::derive_text(read_file(html), "text/html", mode).text;
}

std::vector<CorpusPage> load_corpus(const std::filesystem::path& web) {
  std::ifstream index(web / "html" / "index.tsv");
  std::string line;
  std::getline(index, line);  // header
  std::vector<CorpusPage> pages;
  while (std::getline(index, line)) {
    std::vector<std::string> cols;
    std::stringstream row(line);
    std::string col;
    while (std::getline(row, col, '\t')) {
      cols.push_back(col);
    }
    if (cols.size() < 14 || cols[13].empty()) {
      continue;
    }
    CorpusPage page{cols[0], cols[1], cols[11], web / cols[7], read_file(web / cols[13])};
    if (page.source == "mozilla-readability") {
      page.truth = capture::derive_text(page.truth, "text/html", capture::TextMode::visible).text;
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace stet::bench
