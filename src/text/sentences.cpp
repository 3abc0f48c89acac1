#include "text/sentences.hpp"

#include "text/space.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utext.h>

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_set>

namespace stet::text {

namespace {

// ---- the ASCII fast path: UAX #29's sentence rules over ASCII classes ----

// The Sentence_Break class of each ASCII byte, read from ICU's own
// property data, so the fast path and ICU classify alike by construction.
const std::array<std::uint8_t, 128>& ascii_classes() {
  static const std::array<std::uint8_t, 128> classes = [] {
    std::array<std::uint8_t, 128> out{};
    for (UChar32 c = 0; c < 128; ++c) {
      out[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    }
    return out;
  }();
  return classes;
}

// Whether the rules below cover every ASCII class (no Extend or Format
// characters, which rule SB5 would make transparent): true for every
// Unicode version so far; checked rather than assumed.
bool fast_path_applies() {
  static const bool applies = [] {
    for (std::uint8_t c : ascii_classes()) {
      if (c == U_SB_EXTEND || c == U_SB_FORMAT) {
        return false;
      }
    }
    return true;
  }();
  return applies;
}

bool is_para_sep(int c) { return c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF; }
bool is_sa_term(int c) { return c == U_SB_ATERM || c == U_SB_STERM; }

// Appends the sentences of the ASCII line `line` (up to and including its
// line break, if any) at byte offset `base`.
void ascii_sentences(std::string_view line, std::size_t base, std::vector<Sentence>& out) {
  const auto& classes = ascii_classes();
  auto cls = [&](std::size_t i) -> int { return classes[static_cast<unsigned char>(line[i])]; };
  const std::size_t n = line.size();
  // After a paragraph separator at `i` (CR LF counts as one).
  auto after_sep = [&](std::size_t i) { return cls(i) == U_SB_CR && i + 1 < n && line[i + 1] == '\n' ? i + 2 : i + 1; };
  std::size_t start = 0;
  std::size_t i = 0;
  auto emit = [&](std::size_t end, bool terminated) {
    out.push_back({base + start, base + end, terminated});
    start = end;
    i = end;
  };
  while (i < n) {
    int c = cls(i);
    if (is_para_sep(c)) {  // SB3, SB4
      emit(after_sep(i), false);
      continue;
    }
    if (!is_sa_term(c)) {
      ++i;
      continue;
    }
    if (c == U_SB_ATERM && i + 1 < n) {
      int next = cls(i + 1);
      bool cased_before = i > 0 && (cls(i - 1) == U_SB_UPPER || cls(i - 1) == U_SB_LOWER);
      if (next == U_SB_NUMERIC || (next == U_SB_UPPER && cased_before)) {  // SB6, SB7
        ++i;
        continue;
      }
    }
    std::size_t j = i + 1;
    while (j < n && cls(j) == U_SB_CLOSE) {
      ++j;
    }
    std::size_t k = j;
    while (k < n && cls(k) == U_SB_SP) {
      ++k;
    }
    if (k == n) {  // SB11 at the end of the text
      emit(n, true);
      continue;
    }
    int at = cls(k);
    if (is_para_sep(at)) {  // SB9, SB10, then SB11 after the separator
      emit(after_sep(k), true);
      continue;
    }
    if (c == U_SB_ATERM) {  // SB8: a lowercase word follows, past anything but letters, separators and terminators
      std::size_t m = k;
      while (m < n) {
        int skip = cls(m);
        if (skip == U_SB_OLETTER || skip == U_SB_UPPER || skip == U_SB_LOWER || is_para_sep(skip) || is_sa_term(skip)) {
          break;
        }
        ++m;
      }
      if (m < n && cls(m) == U_SB_LOWER) {
        i = m;
        continue;
      }
    }
    if (at == U_SB_SCONTINUE || is_sa_term(at)) {  // SB8a
      i = k;
      continue;
    }
    emit(k, true);  // SB11
  }
  if (start < n) {
    out.push_back({base + start, base + n, false});
  }
}

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  return true;
}

// ---- ICU ----

icu::BreakIterator& sentence_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !made) {
      throw std::runtime_error("cannot create ICU sentence break iterator");
    }
    return made;
  }();
  return *breaker;
}

// Appends the sentences ICU's rules find in `text` at byte offset `base`.
void icu_sentences(std::string_view text, std::size_t base, std::vector<Sentence>& out) {
  if (text.empty()) {
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, decltype(&utext_close)> utext(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status), &utext_close);
  if (U_FAILURE(status)) {
    throw std::runtime_error("cannot open text for sentence breaking");
  }
  icu::BreakIterator& breaker = sentence_breaker();
  breaker.setText(utext.get(), status);
  if (U_FAILURE(status)) {
    throw std::runtime_error("cannot open text for sentence breaking");
  }
  auto begin = static_cast<std::size_t>(breaker.first());
  for (int32_t next = breaker.next(); next != icu::BreakIterator::DONE; next = breaker.next()) {
    auto end = static_cast<std::size_t>(next);
    out.push_back({base + begin, base + end, breaker.getRuleStatus() < UBRK_SENTENCE_SEP});
    begin = end;
  }
  // The iterator keeps a pointer to the UText; detach it before the text goes.
  breaker.setText(icu::UnicodeString());
}

// ---- abbreviations (CLDR's sentence-break exceptions, from ICU's data) ----

using Abbreviations = std::unordered_set<std::string>;

// The exceptions of `language` (BCP 47 or ICU form), falling back from
// "fr-CA" to "fr"; empty when ICU has none.
Abbreviations load_abbreviations(std::string language) {
  for (char& ch : language) {
    ch = ch == '-' ? '_' : ch;
  }
  Abbreviations out;
  while (!language.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UResourceBundle, decltype(&ures_close)> bundle(
        ures_open(U_ICUDATA_NAME "-brkitr", language.c_str(), &status), &ures_close);
    if (U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING) {
      std::unique_ptr<UResourceBundle, decltype(&ures_close)> exceptions(
          ures_getByKey(bundle.get(), "exceptions", nullptr, &status), &ures_close);
      std::unique_ptr<UResourceBundle, decltype(&ures_close)> list(
          ures_getByKey(exceptions.get(), "SentenceBreak", nullptr, &status), &ures_close);
      while (U_SUCCESS(status) && ures_hasNext(list.get())) {
        int32_t length = 0;
        const UChar* entry = ures_getNextString(list.get(), &length, nullptr, &status);
        if (U_SUCCESS(status)) {
          std::string utf8;
          icu::UnicodeString(entry, length).toUTF8String(utf8);
          out.insert(std::move(utf8));
        }
      }
      if (!out.empty()) {
        return out;
      }
    }
    std::size_t cut = language.rfind('_');
    language = cut == std::string::npos ? std::string() : language.substr(0, cut);
  }
  return out;
}

const Abbreviations& abbreviations(std::string_view language) {
  static std::mutex mutex;
  static std::map<std::string, Abbreviations, std::less<>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(language);
  if (it == cache.end()) {
    it = cache.emplace(std::string(language), load_abbreviations(std::string(language))).first;
  }
  return it->second;
}

// Whether the sentence `s` ends on an abbreviation of `known`: its last
// word before the trailing spaces, taken from after the previous space or
// opening bracket or quote, is one of them. A sentence that ends with a line
// break always ends there.
bool ends_on_abbreviation(std::string_view s, const Abbreviations& known) {
  if (s.ends_with('\n') || s.ends_with('\r') || s.ends_with("\u2028") || s.ends_with("\u2029") ||
      s.ends_with("\u0085")) {
    return false;
  }
  std::size_t end = s.size();
  while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t')) {
    --end;
  }
  if (end == 0 || s[end - 1] != '.') {
    return false;
  }
  std::size_t begin = end;
  while (begin > 0 && !is_ascii_space(s[begin - 1]) && s[begin - 1] != '(' && s[begin - 1] != '[' &&
         s[begin - 1] != '"' && s[begin - 1] != '\'') {
    --begin;
  }
  return known.contains(std::string(s.substr(begin, end - begin)));
}

// What both paths share after the rules: abbreviations keep their sentence,
// and a segment of white space only (a blank line) joins the sentence
// before it.
std::vector<Sentence> finish(std::string_view text, std::vector<Sentence> raw, const SentenceOptions& options) {
  const Abbreviations* known = options.language.empty() ? nullptr : &abbreviations(options.language);
  std::vector<Sentence> out;
  out.reserve(raw.size());
  bool joining = false;  // the last sentence of `out` ended on an abbreviation
  for (const Sentence& s : raw) {
    if (!out.empty() && joining) {
      out.back().end = s.end;
      out.back().terminated = s.terminated;
    } else if (!out.empty() && all_space(text.substr(s.begin, s.end - s.begin))) {
      out.back().end = s.end;
    } else {
      out.push_back(s);
    }
    joining = known != nullptr && out.back().terminated &&
              ends_on_abbreviation(text.substr(out.back().begin, out.back().end - out.back().begin), *known);
  }
  if (out.size() > 1 && all_space(text.substr(out.front().begin, out.front().end - out.front().begin))) {
    out[1].begin = out.front().begin;  // leading white space joins the first sentence
    out.erase(out.begin());
  }
  return out;
}

// `text` with each single line break inside a paragraph made a space (the
// same length, so offsets stay); blank lines stay.
std::string unwrapped(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '\n') {
      continue;
    }
    std::size_t before = i;  // the line ends at `before` (a CR of CR LF is part of the break)
    if (before > 0 && out[before - 1] == '\r') {
      --before;
    }
    std::size_t line_start = out.rfind('\n', before == 0 ? 0 : before - 1);
    line_start = line_start == std::string::npos || line_start >= before ? 0 : line_start + 1;
    std::size_t next_end = out.find('\n', i + 1);
    std::string_view prev_line = std::string_view(out).substr(line_start, before - line_start);
    std::string_view next_line =
        std::string_view(out).substr(i + 1, (next_end == std::string::npos ? out.size() : next_end) - i - 1);
    if (!all_space(prev_line) && !all_space(next_line)) {
      out[i] = ' ';
      if (before < i) {
        out[before] = ' ';
      }
    }
  }
  return out;
}

// The text the rules read (`text` itself, or its unwrapped copy, held in
// `copy`), cut into sentences by `cut`, then finished.
template <typename Cut>
std::vector<Sentence> apply_rules(std::string_view text, const SentenceOptions& options, Cut cut) {
  std::string copy;
  std::string_view rules_text = text;
  if (options.unwrap_lines) {
    copy = unwrapped(text);
    rules_text = copy;
  }
  std::vector<Sentence> raw;
  raw.reserve(text.size() / 64 + 1);
  cut(rules_text, raw);
  return finish(rules_text, std::move(raw), options);
}

}  // namespace

std::vector<Sentence> sentences(std::string_view text, const SentenceOptions& options) {
  // A break always follows a line break (rule SB4) and no rule looks across
  // one, so each line is broken on its own: ASCII lines on the fast path.
  return apply_rules(text, options, [](std::string_view rules_text, std::vector<Sentence>& raw) {
    bool fast = fast_path_applies();
    std::size_t pos = 0;
    while (pos < rules_text.size()) {
      std::size_t nl = rules_text.find('\n', pos);
      std::size_t end = nl == std::string_view::npos ? rules_text.size() : nl + 1;
      std::string_view line = rules_text.substr(pos, end - pos);
      if (fast && is_ascii(line)) {
        ascii_sentences(line, pos, raw);
      } else {
        icu_sentences(line, pos, raw);
      }
      pos = end;
    }
  });
}

std::vector<Sentence> sentences_icu(std::string_view text, const SentenceOptions& options) {
  return apply_rules(text, options, [](std::string_view rules_text, std::vector<Sentence>& raw) {
    icu_sentences(rules_text, 0, raw);
  });
}

}  // namespace stet::text
