#include "analysis/tail_content.hpp"

#include "analysis/end_matter.hpp"
#include "analysis/line_shape.hpp"
#include "analysis/words.hpp"

#include <algorithm>
#include <vector>

namespace stet::analysis {

namespace {

constexpr std::size_t k_content_words = 3;   // more real words than this is content
constexpr std::size_t k_short_tail = 80;     // a longer tail is content whatever it says
constexpr std::size_t k_excerpt_words = 12;  // words quoted in a message

// Page furniture that captures pick up around the text, folded. Phrases of
// several words are matched before single words. A data table.
const std::vector<std::vector<std::string>>& chrome_phrases() {
  static const std::vector<std::vector<std::string>> k_phrases = [] {
    std::vector<std::string> raw = {
        // en
        "like this", "like loading", "loading", "share this", "share", "tweet", "print", "email", "e-mail", "facebook",
        "twitter", "linkedin", "reddit", "pinterest", "whatsapp", "telegram", "tumblr", "pocket", "mastodon",
        "powered by", "proudly powered by", "rendered in", "seconds", "page generated in", "theme by", "designed by",
        "skip to content", "skip to main content", "back to top", "top of page", "follow us", "subscribe", "sign up",
        "sign in", "log in", "login", "register", "cookie settings", "accept cookies", "accept", "cookies", "cookie",
        "menu", "search", "home", "previous", "next", "related", "related posts", "advertisement", "advertisements",
        "report this ad", "leave a comment", "leave a reply", "comments", "comment", "posted in", "tags", "categories",
        "filed under", "permalink", "edit", "reblog", "follow", "like", "blog at", "privacy", "terms", "sitemap",
        "contact", "about", "more", "close", "toggle", "navigation", "the quick brown fox jumps over the lazy dog",
        "lorem ipsum dolor sit amet", "lorem ipsum",
        // de, fr, es, nl, pt, ru, sv
        "gefällt mir", "teilen", "drucken", "nach oben", "impressum", "datenschutz", "kommentare", "wird geladen",
        "j'aime", "partager", "imprimer", "chargement", "haut de page", "mentions légales", "me gusta", "compartir",
        "cargando", "imprimir", "delen", "laden", "vind ik leuk", "compartilhe", "carregando", "curtir", "поделиться",
        "загрузка", "нравится", "dela", "gilla", "laddar"};
    std::vector<std::vector<std::string>> phrases;
    for (const std::string& p : raw) {
      std::vector<std::string> words;
      for (const TextWord& w : split_words(p)) {
        words.push_back(fold_word(w.text));
      }
      phrases.push_back(std::move(words));
    }
    std::stable_sort(phrases.begin(), phrases.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
    return phrases;
  }();
  return k_phrases;
}

// How many words of a chrome phrase start at `at`; 0 when none does.
std::size_t chrome_at(const std::vector<std::string>& words, std::size_t at) {
  for (const auto& phrase : chrome_phrases()) {
    if (at + phrase.size() <= words.size() &&
        std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at))) {
      return phrase.size();
    }
  }
  return 0;
}

// Real words of one line of the tail.
std::size_t real_words_of(std::string_view line) {
  if (is_footer_line(line) || is_rule(line) || (ends_with_link(line) && split_words(line).size() <= 3)) {
    return 0;
  }
  std::vector<std::string> folded;
  for (const TextWord& w : split_words(line)) {
    folded.push_back(fold_word(w.text));
  }
  std::size_t real = 0;
  for (std::size_t i = 0; i < folded.size();) {
    if (std::size_t n = chrome_at(folded, i); n > 0) {
      i += n;
      continue;
    }
    real += is_non_word(folded[i]) || count_code_points(folded[i]) < 2 ? std::size_t{0} : std::size_t{1};
    ++i;
  }
  return real;
}

// The first words of `tail` as written, white space collapsed to single spaces.
std::string excerpt_of(std::string_view tail) {
  auto words = split_words(tail);
  if (words.empty()) {
    return "";
  }
  std::size_t last = std::min(words.size(), k_excerpt_words) - 1;
  std::string out;
  for (std::size_t i = 0; i <= last; ++i) {
    bool glued = i > 0 && words[i - 1].offset + words[i - 1].text.size() == words[i].offset;
    out += (i == 0 || glued ? "" : " ") + std::string(words[i].text);
  }
  return words.size() > k_excerpt_words ? out + " \u2026" : out;
}

// A run of four or more equal letters: a font-probe string, not a word.
bool is_letter_junk(std::string_view folded) {
  std::size_t run = 0;
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < folded.size();) {
    char32_t c = code_point_at(folded, pos);
    run = c == previous ? run + 1 : 1;
    previous = c;
    if (run >= 4 && is_word_code_point(c) && !(c >= '0' && c <= '9')) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool is_chrome_line(std::string_view line) {
  line = trim_line(line);
  if (line.empty() || is_footer_line(line) || real_words_of(line) > 0) {
    return false;
  }
  std::vector<std::string> folded;
  for (const TextWord& w : split_words(line)) {
    folded.push_back(fold_word(w.text));
  }
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (chrome_at(folded, i) > 0 || is_letter_junk(folded[i])) {
      return true;
    }
  }
  return false;
}

std::size_t chrome_tail_start(std::string_view text) {
  std::size_t end = text.size();
  std::size_t start = std::string_view::npos;
  std::size_t lines = 0;
  std::size_t words = 0;
  while (end > 0 && lines < 5) {
    std::size_t newline = text.rfind('\n', end - 1);
    std::size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
    std::string_view line = text.substr(begin, end - begin);
    end = newline == std::string_view::npos ? 0 : newline;
    if (trim_line(line).empty()) {
      continue;
    }
    words += word_count(line);
    if (!is_chrome_line(line) || words > 30) {
      break;
    }
    start = begin;
    ++lines;
  }
  if (start == std::string_view::npos || trim_line(text.substr(0, start)).empty()) {
    return std::string_view::npos;
  }
  return start;
}

bool is_non_word(std::string_view folded) {
  bool letter = false;
  std::size_t run = 0;
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < folded.size();) {
    char32_t c = code_point_at(folded, pos);
    bool digit = c >= '0' && c <= '9';
    letter = letter || (is_word_code_point(c) && !digit);
    run = c == previous ? run + 1 : 1;
    previous = c;
    if (run >= 4 && !digit) {
      return true;
    }
  }
  std::size_t dot = folded.rfind('.');
  bool domain = dot != std::string_view::npos && dot >= 2 && folded.size() - dot >= 3 &&
                folded.find('@') == std::string_view::npos && !is_digit(folded[dot + 1]);
  bool address = domain || folded.find("://") != std::string_view::npos || folded.starts_with("www.");
  return !letter || address;
}

TailReading read_missing_tail(std::string_view tail) {
  TailReading reading;
  reading.excerpt = excerpt_of(tail);
  std::size_t words = word_count(tail);
  std::size_t pos = 0;
  while (pos <= tail.size()) {
    std::size_t end = tail.find('\n', pos);
    std::string_view line =
        trim_line(tail.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    reading.real_words += line.empty() ? 0 : real_words_of(line);
    if (end == std::string_view::npos) {
      break;
    }
    pos = end + 1;
  }
  reading.content = words > k_short_tail || reading.real_words > k_content_words;
  return reading;
}

}  // namespace stet::analysis
