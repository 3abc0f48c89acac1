#include "analysis/ending.hpp"

#include "analysis/line_shape.hpp"
#include "analysis/prose_ending.hpp"
#include "analysis/stopwords.hpp"
#include "analysis/words.hpp"

#include <algorithm>

namespace stet::analysis {

namespace {

// A sentence end is what complete texts and texts cut at a sentence
// boundary share: calibrated on the tuning half (docs/truncation.md).
constexpr double k_sentence_end_weight = 0.75;

struct Lines {
  std::vector<std::string_view> all;  // every line, '\r' removed
  std::size_t last = 0;               // index of the last non-blank line
  std::size_t first = 0;              // first line of the last paragraph
};

Lines split_lines(std::string_view text) {
  Lines lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    lines.all.push_back(line);
    if (end == std::string_view::npos) {
      break;
    }
    pos = end + 1;
  }
  for (std::size_t i = lines.all.size(); i > 0; --i) {
    if (!trim_line(lines.all[i - 1]).empty()) {
      lines.last = i - 1;
      break;
    }
  }
  lines.first = lines.last;
  while (lines.first > 0 && !trim_line(lines.all[lines.first - 1]).empty()) {
    --lines.first;
  }
  return lines;
}

Reason against(std::string code, std::string message, double weight) {
  return {std::move(code), std::move(message), weight, false};
}

Reason toward(std::string code, std::string message, double weight) {
  return {std::move(code), std::move(message), weight, true};
}

std::string quote_of(std::string_view text) { return "'" + std::string(text) + "'"; }

bool is_cut_marker(std::string_view line) {
  for (std::string_view marker : {"[\u2026]", "[...]", "(\u2026)", "(...)", "\u2026", "..."}) {
    if (line.ends_with(marker)) {
      return true;
    }
  }
  return false;
}

// A colon line that points to a form or widget below it ("use the form
// below to submit a counter-notice:"), in the eight languages.
bool introduces_form_below(std::string_view line) {
  std::string folded = " " + fold_phrase(line) + " ";
  bool below = false;
  bool form = false;
  for (std::string_view w :
       {" below ", " unten ", " ci-dessous ", " abajo ", " hieronder ", " abaixo ", " ниже ", " nedan ", " sotto "}) {
    below = below || folded.find(w) != std::string::npos;
  }
  for (std::string_view w : {" form ", " formular ", " formulaire ", " formulario ", " formulier ", " formulário ",
                             " форму ", " форма ", " formulär ", " modulo "}) {
    form = form || folded.find(w) != std::string::npos;
  }
  return below && form;
}

// Evidence from the ending line's shape when it has no final punctuation.
std::optional<Reason> structural_ending(std::string_view line) {
  if (is_rule(line)) {
    return against("ends-with-rule", "the text ends with a horizontal rule", 0.8);
  }
  if (ends_with_link(line)) {
    return against("ends-with-link", "the text ends with a link or address", 0.8);
  }
  if (is_table_row(line) || has_columns(line)) {
    return against("ends-with-table", "the text ends with a table row or aligned columns", 0.8);
  }
  if (is_closing_formula(line)) {
    return against("ends-with-closing", "the text ends with a closing formula (" + quote_of(line) + ")", 0.85);
  }
  if (is_form_field(line)) {
    return against("ends-with-form-field", "the text ends with a form field to fill in", 0.8);
  }
  return std::nullopt;
}

// Evidence from the last word: punctuation that expects more, or a word
// that cannot end a sentence.
std::optional<Reason> last_word_reason(std::string_view line) {
  auto words = split_words(line);
  std::string_view last = words.back().text;
  if (is_bare_marker(line)) {
    return toward("ends-on-list-marker",
                  "the text stops on a list marker (" + quote_of(line) + ") with nothing after it", 0.75);
  }
  if (last.find("](") != std::string_view::npos && !last.ends_with(")")) {
    return toward("ends-inside-link", "the text stops inside a link", 0.85);
  }
  if (last.ends_with(",")) {
    return toward("ends-on-comma", "the text stops on a comma", 0.85);
  }
  if (last.ends_with(":")) {
    return toward("ends-on-colon", "the text stops on a colon: what it introduces is missing", 0.75);
  }
  for (std::string_view open : {"(", "[", "{", "\u201C", "\u201E", "\u00AB", "\u2018"}) {
    if (last.ends_with(open)) {
      return toward("ends-on-opening", "the text stops right after an opening " + quote_of(open), 0.85);
    }
  }
  bool dash_framed = line.starts_with("-") || line.starts_with("\u2013") || line.starts_with("\u2014");
  if (!dash_framed && (last == "-" || last == "\u2013" || last == "\u2014")) {
    return toward("ends-on-dash", "the text stops on a dash", 0.7);
  }
  if (last.size() > 1 && last.ends_with("-") && fold_word(last).size() + 1 >= last.size()) {
    return toward("ends-mid-word", "the text stops inside a hyphenated word (" + quote_of(last) + ")", 0.8);
  }
  std::string folded = fold_word(last);
  bool label_letter = folded.size() == 1 && last.size() == 1 && last[0] >= 'A' && last[0] <= 'Z';
  if (folded.size() == last.size() && !label_letter && non_final_word_language(folded)) {
    return toward("ends-on-function-word",
                  "the text stops on " + quote_of(last) + ", a word that cannot end a sentence", 0.9);
  }
  return std::nullopt;
}

}  // namespace

EndingReading read_ending(std::string_view text) {
  Lines lines = split_lines(text);
  std::string_view line = trim_line(lines.all[lines.last]);
  EndingReading reading;
  auto words = split_words(line);
  reading.cut_after = join_words(words, words.size() > 3 ? words.size() - 3 : 0, words.size());
  if (is_cut_marker(line)) {
    reading.reasons.push_back(toward("cut-marker", "the text ends with a cut marker (\u2026 or [\u2026])", 0.9));
    if (words.size() > 1) {
      reading.cut_after = join_words(words, words.size() > 4 ? words.size() - 4 : 0, words.size() - 1);
    }
    return reading;
  }
  if (is_dangling_label(line)) {
    reading.reasons.push_back(
        toward("dangling-label", "the last line " + quote_of(line) + " is a label whose content is missing", 0.85));
    return reading;
  }
  if (ends_with_terminal(line) && !is_bare_marker(line)) {
    reading.reasons.push_back(against("ends-with-sentence",
                                      "the text ends with a complete sentence (a cut at a sentence boundary cannot "
                                      "be ruled out from the text alone)",
                                      k_sentence_end_weight));
    return reading;
  }
  if (auto reason = last_word_reason(line)) {
    if (reason->code == "ends-on-colon" && introduces_form_below(line)) {
      reading.reasons.push_back(*reason);
      reading.reasons.push_back(against("ends-before-form",
                                        "the last line introduces a form or widget below it, which a text capture "
                                        "does not keep",
                                        0.8));
      return reading;
    }
    if (!(reason->code == "ends-on-comma" && is_closing_formula(line)) &&
        !(reason->code == "ends-on-colon" && is_form_field(line))) {
      reading.reasons.push_back(*reason);
      return reading;
    }
  }
  if (auto reason = structural_ending(line)) {
    reading.reasons.push_back(*reason);
    return reading;
  }
  reading.reasons = unfinished_prose_reasons(lines.all, lines.first, lines.last);
  return reading;
}

}  // namespace stet::analysis
