#include "analysis/prose_ending.hpp"

#include "analysis/language.hpp"
#include "analysis/line_shape.hpp"
#include "analysis/spelling.hpp"
#include "analysis/words.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace stet::analysis {

namespace {

constexpr std::size_t k_wrapped_line = 40;  // a line this long that runs on is wrapped prose
constexpr std::size_t k_prose_words = 10;   // an unpunctuated line this long is a sentence

bool is_abbreviation(std::string_view folded) {
  static const std::initializer_list<std::string_view> k_list = {
      "mr",   "mrs",    "ms",   "dr",  "st",  "no",  "nr",   "vs",   "etc",  "inc", "ltd", "co",  "corp", "art", "abs",
      "bzw",  "vgl",    "ca",   "cf",  "pp",  "ff",  "sec",  "fig",  "vol",  "ed",  "jr",  "sr",  "prof", "gen", "gov",
      "dept", "approx", "incl", "sog", "usw", "ggf", "inkl", "evtl", "ziff", "nos", "op",  "cit", "resp"};
  return std::find(k_list.begin(), k_list.end(), folded) != k_list.end();
}

// Whether the token `word` (ending in sentence punctuation) ends a sentence.
bool ends_sentence(std::string_view word) {
  if (!ends_with_terminal(word)) {
    return false;
  }
  std::string folded = fold_word(word);
  if (folded.empty()) {
    return true;
  }
  bool has_letter = std::any_of(folded.begin(), folded.end(), [](char c) { return !(c >= '0' && c <= '9'); });
  bool inner_dot = std::string_view(word).substr(0, word.size() - 1).find('.') != std::string_view::npos;
  return has_letter && !inner_dot && count_code_points(folded) >= 2 && !is_abbreviation(folded);
}

// An opening bracket or quote in `line` that the line never closes.
std::optional<std::string> unclosed_in_line(std::string_view line) {
  for (auto [open, close] : {std::pair{'(', ')'}, std::pair{'[', ']'}, std::pair{'<', '>'}}) {
    auto opens = std::count(line.begin(), line.end(), open);
    auto closes = std::count(line.begin(), line.end(), close);
    if (opens > closes) {
      return std::string("'") + open + "'";
    }
  }
  if (std::count(line.begin(), line.end(), '"') % 2 == 1) {
    return std::string("a quotation ('\"')");
  }
  return std::nullopt;
}

struct ListHabit {
  std::size_t items = 0;
  std::size_t unpunctuated = 0;

  [[nodiscard]] bool unpunctuated_style() const { return items >= 2 && unpunctuated * 2 >= items; }
  [[nodiscard]] bool punctuated_style() const { return items >= 1 && unpunctuated * 2 < items; }
};

constexpr std::size_t k_habit_items = 6;  // the nearest items of a list show its habit
constexpr std::size_t k_long_item = 8;    // items this long are sentences

std::size_t leading_spaces(std::string_view line) {
  std::size_t n = line.find_first_not_of(" \t");
  return n == std::string_view::npos ? line.size() : n;
}

// The last line of the item that starts at line `i` (before a blank line,
// the next item or `end`).
std::size_t item_end(const std::vector<std::string_view>& lines, std::size_t i, std::size_t end) {
  std::size_t j = i;
  while (j + 1 < end && !trim_line(lines[j + 1]).empty() && !is_list_item(lines[j + 1])) {
    ++j;
  }
  return j;
}

std::size_t words_between(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to) {
  std::size_t words = 0;
  for (std::size_t i = from; i <= to; ++i) {
    words += split_words(lines[i]).size();
  }
  return words;
}

// How the nearest earlier items of the same list (same marker kind and
// indent as line `item`) end; with `long_only`, only items of sentence length.
ListHabit list_habit(const std::vector<std::string_view>& lines, std::size_t item, bool long_only) {
  std::string kind = list_marker_kind(lines[item]);
  std::size_t indent = leading_spaces(lines[item]);
  ListHabit habit;
  for (std::size_t i = item; i > 0 && habit.items < k_habit_items; --i) {
    std::string_view line = lines[i - 1];
    if (list_marker_kind(line) != kind || leading_spaces(line) != indent) {
      continue;
    }
    std::size_t end = item_end(lines, i - 1, item);
    if (long_only && words_between(lines, i - 1, end) < k_long_item) {
      continue;
    }
    std::string_view tail = trim_line(lines[end]);
    ++habit.items;
    bool punctuated = ends_with_terminal(tail) || tail.ends_with(",") || tail.ends_with(":");
    habit.unpunctuated += punctuated ? 0 : 1;
  }
  return habit;
}

bool starts_lowercase(std::string_view word) {
  std::size_t pos = 0;
  return text::is_lower(code_point_at(word, pos));
}

// The share of words after the first that start in lowercase (sentences
// run in lowercase; titles, names and headings are capitalized).
double lowercase_share(const std::vector<TextWord>& words) {
  if (words.size() < 2) {
    return 0;
  }
  std::size_t lower = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    lower += starts_lowercase(words[i].text) ? 1U : 0U;
  }
  return static_cast<double>(lower) / static_cast<double>(words.size() - 1);
}

std::vector<Reason> list_item_reasons(const std::vector<std::string_view>& lines, std::size_t item, std::size_t last) {
  std::size_t words = words_between(lines, item, last);
  std::string_view line = trim_line(lines[last]);
  if (auto open = unclosed_in_line(line)) {
    return {{"stops-mid-sentence", "the last line opens " + *open + " and stops before closing it", 0.7, true}};
  }
  ListHabit habit = list_habit(lines, item, words >= k_long_item);
  if (habit.unpunctuated_style()) {
    return {{"ends-with-list-item",
             "the text ends with a list item, and the items of its list have no final "
             "punctuation",
             0.7, false}};
  }
  bool sentence_like = words >= 4 && lowercase_share(split_words(line)) >= 0.6;
  if (habit.punctuated_style() || words >= k_long_item || sentence_like) {
    return {{"stops-mid-sentence", "the last list item stops without the punctuation that ends the other items", 0.7,
             true}};
  }
  return {{"ends-with-list-item", "the text ends with a short list item", 0.6, false}};
}

std::size_t last_list_item(const std::vector<std::string_view>& lines, std::size_t first, std::size_t last) {
  for (std::size_t i = last + 1; i > first; --i) {
    if (is_list_item(lines[i - 1])) {
      return i - 1;
    }
  }
  return std::string_view::npos;
}

// The word of the text that the last word `last` seems cut from: `last`
// never occurs whole elsewhere in the text, but a longer word starting with
// it does ("integ" when the text also says "integrity"). Empty if none.
std::string cut_from_word(const std::vector<std::string_view>& lines, std::size_t last_line, std::string_view last) {
  std::string fragment = fold_word(last);
  if (fragment.empty() || fragment.size() != last.size()) {
    return "";
  }
  std::string longer;
  for (std::size_t i = 0; i <= last_line; ++i) {
    auto words = split_words(lines[i]);
    std::size_t count = i == last_line ? words.size() - 1 : words.size();
    for (std::size_t j = 0; j < count; ++j) {
      std::string folded = fold_word(words[j].text);
      if (folded == fragment) {
        return "";
      }
      if (longer.empty() && folded.size() > fragment.size() && folded.starts_with(fragment)) {
        longer = folded;
      }
    }
  }
  return longer;
}

// Whether the last word `word` is missing from the dictionary of the
// text's language: a word cut short ("Arbeitgebe"). Only plain words of
// three letters or more that are not all capitals are looked up; no
// language or no dictionary means no finding.
std::optional<std::string> unknown_to_dictionary(const std::vector<std::string_view>& lines, std::size_t last,
                                                 std::string_view word) {
  std::string folded = fold_word(word);
  bool plain = folded.size() == word.size() && count_code_points(folded) >= 3 &&
               std::none_of(folded.begin(), folded.end(), [](char c) { return is_digit(c) || c == '-' || c == '.'; });
  std::size_t first = 0;
  (void)code_point_at(word, first);
  if (!plain || fold_word(word.substr(first)) != word.substr(first)) {
    return std::nullopt;  // not a plain word, or more than its first letter in capitals
  }
  std::string_view text(lines.front().data(),
                        static_cast<std::size_t>(lines[last].data() + lines[last].size() - lines.front().data()));
  auto language = guess_language(text);
  if (!language || spell_word(*language, word) != Spelling::unknown) {
    return std::nullopt;
  }
  return std::string(*language);
}

// The weak reasons for a plain ending, outweighed when the last word looks cut.
std::vector<Reason> unless_cut_word(std::vector<Reason> weak, const std::vector<std::string_view>& lines,
                                    std::size_t last) {
  auto words = split_words(lines[last]);
  if (words.empty()) {
    return weak;
  }
  std::string_view word = words.back().text;
  std::string whole = cut_from_word(lines, last, word);
  if (!whole.empty()) {
    weak.push_back({"ends-mid-word",
                    "the last word '" + std::string(word) + "' looks cut: the text has '" + whole + "' but never '" +
                        std::string(word) + "' on its own",
                    0.75, true});
  } else if (auto language = unknown_to_dictionary(lines, last, word)) {
    weak.push_back(
        {"ends-mid-word",
         "the last word '" + std::string(word) + "' is not a word of the " + *language + " dictionary: it looks cut",
         0.75, true});
  }
  return weak;
}

// A last line with no final punctuation that neither continues a list nor
// a wrapped paragraph: a footer, a sentence, a heading, or a short line.
std::vector<Reason> plain_line_reasons(const std::vector<std::string_view>& lines, std::size_t last,
                                       const std::vector<TextWord>& words) {
  std::string_view line = trim_line(lines[last]);
  if (is_footer_line(line)) {
    return {{"ends-with-footer", "the text ends with a footer or signature line", 0.75, false}};
  }
  if (words.size() >= k_prose_words) {
    return {{"stops-mid-sentence", "the last line is prose that stops without final punctuation", 0.8, true}};
  }
  if (auto open = unclosed_in_line(line)) {
    return {{"stops-mid-sentence", "the last line opens " + *open + " and stops before closing it", 0.7, true}};
  }
  if (is_heading(line)) {
    if (is_markdown_heading(line) && (line.ends_with(")") || line.ends_with("]"))) {
      return {{"ends-with-heading",
               "the text ends with a heading whose entry is given in brackets (a repealed or "
               "empty section): complete in itself",
               0.7, false}};
    }
    if (is_markdown_heading(line)) {
      return {{"ends-with-heading", "the text ends with a heading: the section it opens is missing", 0.6, true}};
    }
    return unless_cut_word({{"ends-with-heading", "the text ends with a heading or label line", 0.6, false}}, lines,
                           last);
  }
  if (words.size() >= 2 && lowercase_share(words) >= 0.5) {
    return {{"stops-mid-sentence", "the last line reads as the start of a sentence, with no end", 0.65, true}};
  }
  if (words.size() == 1 && starts_lowercase(words[0].text)) {
    return {{"stops-mid-sentence", "the last line is a lone lowercase word, with no end", 0.6, true}};
  }
  return unless_cut_word(
      {{"ends-with-short-line", "the text ends with a short line that reads like a heading, a name or a label", 0.55,
        false}},
      lines, last);
}

}  // namespace

std::size_t last_sentence_start(std::string_view line) {
  auto words = split_words(line);
  for (std::size_t i = words.size(); i > 1; --i) {
    if (ends_sentence(words[i - 2].text)) {
      return words[i - 1].offset;
    }
  }
  return std::string_view::npos;
}

std::vector<Reason> unfinished_prose_reasons(const std::vector<std::string_view>& lines, std::size_t first,
                                             std::size_t last) {
  std::string_view line = trim_line(lines[last]);
  if (last_sentence_start(line) != std::string_view::npos) {
    return {{"stops-mid-sentence", "the last sentence stops without an end", 0.85, true}};
  }
  auto words = split_words(line);
  if (std::size_t item = last_list_item(lines, first, last); item != std::string_view::npos) {
    return unless_cut_word(list_item_reasons(lines, item, last), lines, last);
  }
  if (last > first) {
    std::string_view before = trim_line(lines[last - 1]);
    if (!ends_with_terminal(before) && !has_columns(before) && !is_footer_line(before) &&
        count_code_points(before) >= k_wrapped_line) {
      return {{"stops-mid-sentence", "the last paragraph runs on from the line before and stops without an end", 0.8,
               true}};
    }
  }
  return plain_line_reasons(lines, last, words);
}

}  // namespace stet::analysis
