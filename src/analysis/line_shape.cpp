#include "analysis/line_shape.hpp"

#include "analysis/words.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace stet::analysis {

namespace {

// Closing quotes, brackets and emphasis marks that may follow a sentence end.
bool is_closer(char32_t c) {
  switch (c) {
    case U'"':
    case U'\'':
    case U')':
    case U']':
    case U'}':
    case U'*':
    case U'_':
    case U'`':
    case U'>':
    case U'\u2019':
    case U'\u201D':
    case U'\u00BB':
    case U'\u203A':
    case U'\u300D':
    case U'\u300F':
    case U'\uFF09':
    case U'\u201C':
      return true;
    default:
      return false;
  }
}

bool is_terminal(char32_t c) {
  switch (c) {
    case U'.':
    case U'!':
    case U'?':
    case U';':
    case U'\u2026':
    case U'\u3002':
    case U'\uFF01':
    case U'\uFF1F':
    case U'\uFF0E':
    case U'\u061F':
    case U'\u06D4':
    case U'\u0964':
    case U'\u0589':
    case U'\u203C':
    case U'\u2047':
    case U'\u2048':
    case U'\u2049':
      return true;
    default:
      return false;
  }
}

// Letters in the line, and how many of them are uppercase.
std::pair<std::size_t, std::size_t> letter_case(std::string_view line) {
  std::size_t letters = 0;
  std::size_t upper = 0;
  for (char c : line) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
      upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
    }
  }
  return {letters, upper};
}

}  // namespace

std::string_view trim_line(std::string_view line) {
  std::size_t begin = 0;
  while (begin < line.size()) {
    std::size_t next = begin;
    if (!is_space_code_point(code_point_at(line, next))) {
      break;
    }
    begin = next;
  }
  std::size_t end = line.size();
  while (end > begin) {
    std::size_t start = 0;
    if (!is_space_code_point(code_point_before(line, end, start))) {
      break;
    }
    end = start;
  }
  return line.substr(begin, end - begin);
}

bool ends_with_terminal(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0) {
    std::size_t start = 0;
    char32_t c = code_point_before(line, end, start);
    if (is_terminal(c)) {
      return true;
    }
    if (!is_closer(c)) {
      return false;
    }
    end = start;
  }
  return false;
}

bool is_rule(std::string_view line) {
  std::string_view t = trim_line(line);
  std::size_t marks = 0;
  for (std::size_t pos = 0; pos < t.size();) {
    char32_t c = code_point_at(t, pos);
    if (c == U'-' || c == U'_' || c == U'=' || c == U'*' || c == U'~' || c == U'#' || c == U'`' || c == U'\u2014' ||
        c == U'\u2500' || c == U'\u2013' || c == U'+') {
      ++marks;
    } else if (c != U' ' && c != U'\t') {
      return false;
    }
  }
  return marks >= 3;
}

bool ends_with_link(std::string_view line) {
  auto words = split_words(line);
  if (words.empty()) {
    return false;
  }
  std::string_view last = words.back().text;
  if (last.find("](") != std::string_view::npos) {
    return last.ends_with(")") || last.ends_with(")*") || last.ends_with(")**");  // a whole Markdown link
  }
  if (last.find('<') != std::string_view::npos && last.find('>') == std::string_view::npos) {
    return false;  // "<https://..." without its '>' is a cut link
  }
  bool closed = last.starts_with("<") && (last.ends_with(">") || last.ends_with(">."));
  while (!last.empty() && (last.front() == '<' || last.front() == '(' || last.front() == '[')) {
    last.remove_prefix(1);
  }
  bool link = starts_with_any(last, {"http://", "https://", "ftp://", "www.", "mailto:"}) ||
              (last.find('@') != std::string_view::npos && last.find('.') != std::string_view::npos);
  // A bare link counts as an ending when it stands (almost) alone on its
  // line; after prose on the same line it may be a cut-off sentence.
  return closed || (link && words.size() <= 3);
}

bool is_table_row(std::string_view line) {
  std::string_view t = trim_line(line);
  auto bars = std::count(t.begin(), t.end(), '|');
  std::size_t cells = 0;
  for (std::size_t pos = t.find(" | "); pos != std::string_view::npos; pos = t.find(" | ", pos + 1)) {
    ++cells;
  }
  return (bars >= 2 && (t.starts_with("|") || t.ends_with("|") || t.starts_with("+"))) || cells >= 2;
}

bool has_columns(std::string_view line) {
  std::string_view t = trim_line(line);
  std::size_t gaps = 0;
  std::size_t run = 0;
  for (char c : t) {
    if (c == ' ') {
      ++run;
      continue;
    }
    if (c == '\t' || run >= 3) {
      ++gaps;
    }
    run = 0;
  }
  return gaps >= 2;
}

bool is_list_item(std::string_view line) {
  std::string_view t = trim_line(line);
  if (starts_with_any(t, {"* ", "- ", "+ ", "\u2022 ", "\u2013 ", "\u2014 ", "\u25AA ", "\u25CF ", "\u00B7 "})) {
    return true;
  }
  std::size_t i = 0;
  bool paren = !t.empty() && t[0] == '(';
  i += paren ? 1 : 0;
  std::size_t start = i;
  while (i < t.size() && i - start < 4 && (is_digit(t[i]) || (t[i] >= 'a' && t[i] <= 'z'))) {
    ++i;
  }
  if (i == start || i >= t.size()) {
    return false;
  }
  bool closes = t[i] == ')' || (!paren && t[i] == '.');
  return closes && i + 1 < t.size() && (t[i + 1] == ' ' || t[i + 1] == '\t');
}

std::string list_marker_kind(std::string_view line) {
  std::string_view t = trim_line(line);
  if (!is_list_item(t)) {
    return "";
  }
  std::string kind;
  bool digits = false;
  for (char c : t.substr(0, t.find_first_of(" \t"))) {
    if (is_digit(c)) {
      kind += digits ? "" : "1";
      digits = true;
    } else if (c >= 'a' && c <= 'z') {
      kind += "a";
    } else {
      kind += c;
    }
  }
  return kind;
}

bool is_bare_marker(std::string_view line) {
  std::string_view t = trim_line(line);
  return !t.empty() && split_words(t).size() == 1 && !list_marker_kind(std::string(t) + " x").empty();
}

bool is_markdown_heading(std::string_view line) {
  std::string_view t = trim_line(line);
  std::size_t hashes = t.find_first_not_of('#');
  if (hashes == std::string_view::npos) {
    return !t.empty() && t.size() <= 2;  // "#", "##": a heading's marker without its title
  }
  return hashes >= 1 && hashes <= 6 && t[hashes] == ' ';
}

bool is_heading(std::string_view line) {
  std::string_view t = trim_line(line);
  if (is_markdown_heading(t) ||
      (t.size() > 4 && ((t.starts_with("**") && t.ends_with("**")) || (t.starts_with("__") && t.ends_with("__"))))) {
    return true;
  }
  std::size_t words = word_count(t);
  if (words > 8) {
    return false;
  }
  auto [letters, upper] = letter_case(t);
  if (letters >= 3 && upper == letters) {
    return true;
  }
  if (t.starts_with("\u00A7") || (!t.empty() && is_digit(t[0]) && words <= 6)) {
    return true;
  }
  std::string phrase = fold_phrase(t);
  return starts_with_any(phrase, {"anlage", "annex", "appendix", "anhang", "chapter", "section", "article", "artikel",
                                  "kapitel", "abschnitt", "teil", "part", "schedule", "exhibit"}) &&
         words <= 4;
}

}  // namespace stet::analysis
