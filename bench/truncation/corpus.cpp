#include "corpus.hpp"

#include "analysis/line_shape.hpp"
#include "analysis/words.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>

namespace stet::bench {

namespace fs = std::filesystem;
namespace an = stet::analysis;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '\t')) {
    fields.push_back(field);
  }
  return fields;
}

// Half of the documents, chosen by a hash of the name, are held out.
bool held_out(const std::string& name) {
  std::uint32_t hash = 2166136261U;
  for (char c : name) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 16777619U;
  }
  return (hash & 1U) != 0;
}

std::string last_line(const std::string& text) {
  std::string_view trimmed = an::trim_line(text);
  std::size_t newline = trimmed.rfind('\n');
  return std::string(an::trim_line(newline == std::string_view::npos ? trimmed : trimmed.substr(newline + 1)));
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Whether the sentence running at `from` ends with sentence punctuation
// before the paragraph does: headings, table cells and unpunctuated list
// items are not sentences.
bool sentence_ends_later(const std::string& text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) {
        ++j;
      }
      if (j >= text.size() || text[j] == '\n') {
        return false;
      }
    }
    bool terminal = c == '.' || c == '!' || c == '?' || c == ';' || text.compare(i, 3, "\u2026") == 0 ||
                    text.compare(i, 3, "\u3002") == 0;
    if (terminal && (i + 1 >= text.size() || is_ascii_space(text[i + 1]) || text[i + 1] == '"' || text[i + 1] == ')' ||
                     (static_cast<unsigned char>(text[i + 1]) >= 0x80 && c != '.'))) {
      return true;
    }
  }
  return false;
}

bool inside_sentence(const std::string& text, std::size_t p) {
  std::size_t b = p;
  while (b > 0 && is_ascii_space(text[b - 1])) {
    --b;
  }
  std::size_t a = p;
  while (a < text.size() && is_ascii_space(text[a])) {
    ++a;
  }
  if (b < 40 || a >= text.size()) {
    return false;
  }
  auto newlines =
      std::count(text.begin() + static_cast<std::ptrdiff_t>(b), text.begin() + static_cast<std::ptrdiff_t>(a), '\n');
  std::size_t line_start = text.rfind('\n', b - 1);
  std::string_view line(text.data() + (line_start == std::string::npos ? 0 : line_start + 1),
                        b - (line_start == std::string::npos ? 0 : line_start + 1));
  if (newlines >= 2 || an::ends_with_terminal(line) || an::is_table_row(line) || an::is_rule(line)) {
    return false;
  }
  return (newlines == 0 || (text[a] >= 'a' && text[a] <= 'z')) && sentence_ends_later(text, a);
}

}  // namespace

std::vector<Document> load_documents(const fs::path& corpus, const std::vector<fs::path>& extra) {
  std::vector<Document> docs;
  std::set<std::string> seen;
  std::ifstream index(corpus / "index.tsv");
  std::string line;
  std::getline(index, line);  // header
  while (std::getline(index, line)) {
    auto f = split_tabs(line);
    if (f.size() < 10) {
      continue;
    }
    Document d{f[0], f[2], f[9], slurp(corpus / f[0]), held_out(f[0]), "shared corpus"};
    seen.insert(d.text);
    docs.push_back(std::move(d));
  }
  for (const fs::path& folder : extra) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.is_regular_file()) {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::string text = slurp(file);
      if (text.empty() || !seen.insert(text).second) {
        continue;
      }
      std::string name = folder.filename().string() + "/" + file.filename().string();
      std::string ending = an::ends_with_terminal(last_line(text)) ? "sentence" : "other";
      docs.push_back({name, "en", ending, std::move(text), held_out(name), folder.string()});
    }
  }
  return docs;
}

std::vector<Document> load_history(const fs::path& history) {
  std::vector<Document> docs;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(history, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string name = file.parent_path().filename().string() + "/" + file.filename().string();
    std::string text = slurp(file);
    std::string ending = an::ends_with_terminal(last_line(text)) ? "sentence" : "other";
    docs.push_back({name, "en", ending, std::move(text), held_out(file.parent_path().filename().string()), "history"});
  }
  return docs;
}

std::vector<Cut> cuts_inside_sentences(const std::string& text, std::size_t count, std::uint32_t seed) {
  std::mt19937 generator(seed);
  std::vector<Cut> cuts;
  std::set<std::size_t> taken;
  if (text.size() < 100) {
    return cuts;
  }
  std::uniform_int_distribution<std::size_t> pick(40, text.size() - 1);
  for (std::size_t tries = 0; tries < count * 100 && cuts.size() < count; ++tries) {
    std::size_t p = pick(generator);
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
      --p;  // to a character boundary
    }
    if (taken.count(p) != 0 || !inside_sentence(text, p)) {
      continue;
    }
    taken.insert(p);
    std::size_t before = 0;
    std::size_t after = p;
    bool mid = an::is_word_code_point(an::code_point_before(text, p, before)) &&
               an::is_word_code_point(an::code_point_at(text, after));
    cuts.push_back({p, mid});
  }
  return cuts;
}

std::vector<Cut> cuts_at_sentence_ends(const std::string& text, std::size_t count, std::uint32_t seed) {
  std::vector<std::size_t> ends;
  for (std::size_t i = 40; i + 2 < text.size(); ++i) {
    char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && is_ascii_space(text[i + 1]) &&
        an::trim_line(std::string_view(text).substr(i + 1)).size() > 0 && sentence_ends_later(text, i + 1)) {
      ends.push_back(i + 1);
    }
  }
  std::mt19937 generator(seed);
  std::shuffle(ends.begin(), ends.end(), generator);
  std::vector<Cut> cuts;
  for (std::size_t i = 0; i < ends.size() && cuts.size() < count; ++i) {
    cuts.push_back({ends[i], false});
  }
  return cuts;
}

}  // namespace stet::bench
