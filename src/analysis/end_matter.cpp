#include "analysis/end_matter.hpp"

#include "analysis/line_shape.hpp"
#include "analysis/words.hpp"

#include <algorithm>
#include <string>

namespace stet::analysis {

namespace {

// Closing formulas and dangling labels are a few words; a longer line is
// prose and is not folded word by word to find out (the longest phrase
// listed below is under 40 bytes; this leaves room for markup around it).
constexpr std::size_t k_max_phrase_line = 256;

bool in_list(std::string_view phrase, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), phrase) != list.end();
}

// "2022-12-17", "17.03.2014", "3/17/2014" at the end of `t`.
bool ends_with_date(std::string_view t) {
  auto words = split_words(t);
  if (words.empty()) {
    return false;
  }
  std::string_view last = words.back().text;
  std::size_t digits = 0;
  std::size_t separators = 0;
  for (char c : last) {
    digits += is_digit(c) ? 1U : 0U;
    separators += (c == '-' || c == '.' || c == '/') ? 1U : 0U;
  }
  return separators == 2 && digits + separators == last.size() && digits >= 6 && is_digit(last.back());
}

// Whether `t` ends with a four-digit year or a date.
bool ends_with_year(std::string_view t) {
  std::size_t n = t.size();
  while (n > 0 && (t[n - 1] == ')' || t[n - 1] == ']')) {
    --n;
  }
  bool year = n >= 4 && is_digit(t[n - 1]) && is_digit(t[n - 2]) && is_digit(t[n - 3]) && is_digit(t[n - 4]) &&
              (n == 4 || !is_digit(t[n - 5]));
  return year || ends_with_date(t.substr(0, n));
}

// A closing statement of when the text took effect or was last changed,
// ending with its date: "This Privacy Policy is effective as of September
// 14, 2012", "Stand: 1. Januar 2020", in the eight languages.
bool is_dated_statement(std::string_view t, const std::string& phrase) {
  if (!ends_with_year(t) || word_count(t) > 20) {
    return false;
  }
  for (std::string_view w :
       {"effective",   "in effect", "last updated", "last modified", "last revised",     "updated on", "revised on",
        "amended on",  "in kraft",  "gültig",       "stand",         "zuletzt geändert", "en vigueur", "mis à jour",
        "vigente",     "vigor",     "actualizado",  "actualización", "in werking",       "bijgewerkt", "atualizado",
        "atualização", "в силу",    "редакция",     "обновлено",     "gäller",           "uppdaterad", "ikraft"}) {
    if ((" " + phrase + " ").find(" " + std::string(w) + " ") != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool is_closing_formula(std::string_view line) {
  if (line.size() > k_max_phrase_line) {
    return false;
  }
  std::string phrase = fold_phrase(line);
  return in_list(phrase, {"regards",
                          "best regards",
                          "kind regards",
                          "warm regards",
                          "warmest regards",
                          "with regards",
                          "sincerely",
                          "yours sincerely",
                          "sincerely yours",
                          "yours faithfully",
                          "faithfully",
                          "yours truly",
                          "respectfully",
                          "yours",
                          "thank you",
                          "thanks",
                          "many thanks",
                          "thanks again",
                          "cheers",
                          "best",
                          "best wishes",
                          "all the best",
                          "cordially",
                          "with thanks",
                          "love",
                          "cordialement",
                          "bien cordialement",
                          "salutations",
                          "sincères salutations",
                          "amitiés",
                          "merci",
                          "bien à vous",
                          "mit freundlichen grüßen",
                          "mit freundlichen grüssen",
                          "freundliche grüße",
                          "viele grüße",
                          "beste grüße",
                          "herzliche grüße",
                          "danke",
                          "saludos",
                          "atentamente",
                          "un saludo",
                          "cordialmente",
                          "gracias",
                          "cordiali saluti",
                          "distinti saluti",
                          "saluti",
                          "grazie",
                          "atenciosamente",
                          "cumprimentos",
                          "obrigado",
                          "obrigada",
                          "abraços",
                          "met vriendelijke groet",
                          "met vriendelijke groeten",
                          "groeten",
                          "hartelijke groet",
                          "bedankt",
                          "с уважением",
                          "спасибо",
                          "всего доброго"});
}

bool is_footer_line(std::string_view line) {
  std::string_view t = trim_line(line);
  std::string phrase = fold_phrase(t);
  if (t.starts_with("-- ") || t.starts_with("\u2014 ") || t == "--") {
    return true;
  }
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') {
    return true;
  }
  if (t.starts_with("\u00A9") || phrase.starts_with("copyright") ||
      phrase.find("all rights reserved") != std::string::npos ||
      starts_with_any(phrase, {"last updated", "last modified", "last revised", "effective date", "stand "})) {
    return true;
  }
  if (t.size() > 2 && word_count(t) <= 4 &&
      ((t.starts_with("\u2014") && t.ends_with("\u2014")) || (t.starts_with("-") && t.ends_with("-")))) {
    return true;
  }
  if (in_list(phrase, {"end", "the end", "fin", "ende", "конец", "end of document", "end of notice"}) ||
      (phrase.starts_with("end ") && word_count(t) <= 3)) {
    return true;
  }
  // A line ending with a year or a date: "Debian Policy 4.6.2.0, 2022-12-17".
  if ((ends_with_date(t) && word_count(t) <= 8) || is_dated_statement(t, phrase)) {
    return true;
  }
  std::size_t n = t.size();
  return n >= 4 && is_digit(t[n - 1]) && is_digit(t[n - 2]) && is_digit(t[n - 3]) && is_digit(t[n - 4]) &&
         (n == 4 || !is_digit(t[n - 5])) && word_count(t) <= 8;
}

bool is_form_field(std::string_view line) {
  std::string_view t = trim_line(line);
  std::size_t blanks = t.find("___");
  if (blanks == std::string_view::npos) {
    blanks = t.find("....");
  }
  if (blanks != std::string_view::npos) {
    return word_count(t.substr(0, blanks)) <= 4;
  }
  if (!t.ends_with(":") || word_count(t) > 3 || is_dangling_label(t)) {
    return false;
  }
  std::string phrase = fold_phrase(t);
  std::string first = phrase.substr(0, phrase.find(' '));
  return in_list(
      first,
      {"date",         "dated",  "datum", "fecha",      "data",         "дата",    "signature", "signed",   "sign",
       "unterschrift", "firma",  "signé", "assinatura", "handtekening", "подпись", "name",      "nom",      "nombre",
       "nome",         "naam",   "имя",   "place",      "ort",          "lieu",    "lugar",     "luogo",    "plaats",
       "место",        "title",  "titel", "titre",      "position",     "witness", "zeuge",     "initials", "by",
       "email",        "e-mail", "phone", "tel",        "telefon",      "address", "adresse",   "anschrift"});
}

bool is_dangling_label(std::string_view line) {
  if (line.size() > k_max_phrase_line) {
    return false;
  }
  std::string phrase = fold_phrase(line);
  if (in_list(phrase, {"source",
                       "sources",
                       "source link",
                       "read more",
                       "read the full story",
                       "read full story",
                       "continue reading",
                       "via",
                       "credit",
                       "credits",
                       "quelle",
                       "quellen",
                       "weiterlesen",
                       "mehr lesen",
                       "lire la suite",
                       "lire plus",
                       "en savoir plus",
                       "fuente",
                       "leer más",
                       "seguir leyendo",
                       "fonte",
                       "leggi tutto",
                       "continua a leggere",
                       "leggi di più",
                       "leia mais",
                       "continue lendo",
                       "saiba mais",
                       "bron",
                       "lees meer",
                       "lees verder",
                       "источник",
                       "читать далее",
                       "подробнее",
                       "читать полностью"})) {
    return true;
  }
  return phrase.starts_with("continued on") || phrase.starts_with("continued from") ||
         phrase.starts_with("suite page") || phrase.starts_with("fortsetzung auf") || phrase == "continued";
}

}  // namespace stet::analysis
