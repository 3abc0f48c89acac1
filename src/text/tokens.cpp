#include "text/tokens.hpp"

#include "text/space.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>

namespace stet::text {

namespace {

// ASCII classes of UAX #29 word breaking as ICU 72's root rules apply them
// (checked against ICU: '@' joins words, ':' does not).
enum class Ascii : std::uint8_t { letter, digit, extend_num, mid_num_let, mid_num, space, newline, other, foreign };

constexpr Ascii classify(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') {
    return Ascii::letter;
  }
  if (c >= '0' && c <= '9') {
    return Ascii::digit;
  }
  switch (c) {
    case '_':
      return Ascii::extend_num;
    case '.':
    case '\'':
      return Ascii::mid_num_let;
    case ',':
    case ';':
      return Ascii::mid_num;
    case ' ':
    case '\t':
      return Ascii::space;
    case '\n':
    case '\r':
    case '\v':
    case '\f':
      return Ascii::newline;
    default:
      return Ascii::other;
  }
}

constexpr std::array<Ascii, 256> k_classes = [] {
  std::array<Ascii, 256> table{};
  for (std::size_t c = 0; c < table.size(); ++c) {
    table[c] = classify(static_cast<unsigned char>(c));
  }
  return table;
}();

Ascii ascii_class(unsigned char c) { return k_classes[c]; }

bool is_word_char(Ascii c) { return c == Ascii::letter || c == Ascii::digit || c == Ascii::extend_num; }

// Whether `mid` may join `before` and `after` inside a word (WB6/7, WB11/12).
bool joins(Ascii before, Ascii mid, Ascii after) {
  if (before == Ascii::letter && after == Ascii::letter) {
    return mid == Ascii::mid_num_let;
  }
  if (before == Ascii::digit && after == Ascii::digit) {
    return mid == Ascii::mid_num || mid == Ascii::mid_num_let;
  }
  return false;
}

struct Unit {
  Ascii kind = Ascii::other;
  std::size_t size = 1;
};

// The class and length of the character at `i` for the fast path: ASCII,
// or a Latin letter U+00C0..U+024F (ALetter for ICU, except × and ÷).
// Anything else is `foreign` and left to ICU.
Unit unit_at(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    return {ascii_class(c), 1};
  }
  if (c >= 0xC3 && c <= 0xC9 && i + 1 < text.size()) {
    auto d = static_cast<unsigned char>(text[i + 1]);
    unsigned code = ((c & 0x1FU) << 6U) | (d & 0x3FU);
    if ((d & 0xC0U) == 0x80U && code >= 0xC0 && code <= 0x24F && code != 0xD7 && code != 0xF7) {
      return {Ascii::letter, 2};
    }
  }
  return {Ascii::foreign, 1};
}

// The end of the word that starts at `i`, and whether it holds a letter or digit.
std::size_t scan_word(std::string_view text, std::size_t i, bool& alnum) {
  std::size_t start = i;
  Unit first = unit_at(text, i);
  Ascii last = first.kind;
  alnum = last != Ascii::extend_num;
  i += first.size;
  while (i < text.size()) {
    Unit u = unit_at(text, i);
    if (is_word_char(u.kind)) {
      alnum = alnum || u.kind != Ascii::extend_num;
      last = u.kind;
      i += u.size;
      continue;
    }
    if (u.size == 1 && i + 1 < text.size()) {
      Unit after = unit_at(text, i + 1);
      if (joins(last, u.kind, after.kind)) {
        i += 1 + after.size;
        last = after.kind;
        continue;
      }
    }
    break;
  }
  // ICU counts a run of two or more '_' as a word, a single one as punctuation.
  alnum = alnum || i - start > 1;
  return i;
}

// Appends a token, merging adjacent white space. Tokens before `first`
// belong to earlier text (other offsets) and are never merged with.
void push(std::vector<Token>& tokens, std::size_t begin, std::size_t end, TokenKind kind, std::size_t first = 0) {
  if (kind == TokenKind::space && tokens.size() > first && tokens.back().kind == TokenKind::space &&
      tokens.back().end == begin) {
    tokens.back().end = end;
    return;
  }
  tokens.push_back({begin, end, kind});
}

// Appends the tokens of text[i, text.size()), which holds no foreign unit.
void tokenize_ascii(std::string_view text, std::size_t i, std::vector<Token>& tokens, std::size_t first) {
  while (i < text.size()) {
    Ascii c = unit_at(text, i).kind;
    if (is_word_char(c)) {
      bool alnum = false;
      std::size_t end = scan_word(text, i, alnum);
      push(tokens, i, end, alnum ? TokenKind::word : TokenKind::punct, first);
      i = end;
    } else if (c == Ascii::space || c == Ascii::newline) {
      push(tokens, i, i + 1, TokenKind::space, first);
      ++i;
    } else {
      push(tokens, i, i + 1, TokenKind::punct, first);
      ++i;
    }
  }
}

// ICU always breaks between ASCII white space and a following ASCII
// character (no rule joins them, and nothing looks ahead across white
// space), so the text can be cut there and each piece segmented alone.
bool cut_point(std::string_view text, std::size_t i) {
  return i > 0 && i < text.size() && is_ascii_space(text[i - 1]) && !is_ascii_space(text[i]) &&
         (static_cast<unsigned char>(text[i]) & 0x80U) == 0;
}

std::size_t next_cut(std::string_view text, std::size_t i) {
  while (i < text.size() && !cut_point(text, i)) {
    ++i;
  }
  return std::min(i, text.size());
}

// The first foreign unit at or after `i` (or the end).
std::size_t next_foreign(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end) {
    if ((static_cast<unsigned char>(text[i]) & 0x80U) == 0) {
      ++i;
      continue;
    }
    Unit u = unit_at(text, i);
    if (u.kind == Ascii::foreign) {
      return i;
    }
    i += u.size;
  }
  return end;
}

bool has_non_ascii(std::string_view text, std::size_t begin, std::size_t end) {
  return next_foreign(text, begin, end) < end;
}

// Calls `ascii(begin, end)` and `icu(begin, end)` on consecutive pieces of
// `text`, cut at cut points: pure ASCII pieces go to the fast path, ICU
// sees only the pieces around non-ASCII bytes.
template <class AsciiFn, class IcuFn>
void split_runs(std::string_view text, AsciiFn ascii, IcuFn icu) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t p = next_foreign(text, pos, text.size());
    if (p == text.size()) {
      ascii(pos, p);
      return;
    }
    std::size_t start = p;
    while (start > pos && !cut_point(text, start)) {
      --start;
    }
    if (start > pos) {
      ascii(pos, start);
    }
    std::size_t end = next_cut(text, p + 1);
    while (end < text.size() && has_non_ascii(text, end, next_cut(text, end + 1))) {
      end = next_cut(text, end + 1);
    }
    icu(start, end);
    pos = end;
  }
}

icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !made) {
      throw std::runtime_error("cannot create ICU word break iterator");
    }
    return made;
  }();
  return *breaker;
}

}  // namespace

std::vector<Token> tokenize_icu(std::string_view text) {
  std::vector<Token> tokens;
  if (text.empty()) {
    return tokens;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    throw std::runtime_error("cannot open text for word breaking");
  }
  icu::BreakIterator& breaker = word_breaker();
  breaker.setText(utext, status);
  tokens.reserve(text.size() / 4 + 1);
  auto begin = static_cast<std::size_t>(breaker.first());
  for (int32_t next = breaker.next(); next != icu::BreakIterator::DONE; next = breaker.next()) {
    auto end = static_cast<std::size_t>(next);
    std::string_view segment = text.substr(begin, end - begin);
    TokenKind kind = TokenKind::punct;
    if (breaker.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      kind = TokenKind::word;
    } else if (all_space(segment)) {
      kind = TokenKind::space;
    }
    push(tokens, begin, end, kind);
    begin = end;
  }
  utext_close(utext);
  return tokens;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 1);
  tokenize_append(text, 0, tokens);
  return tokens;
}

void tokenize_append(std::string_view text, std::size_t offset, std::vector<Token>& out) {
  std::size_t first = out.size();
  split_runs(
      text, [&](std::size_t begin, std::size_t end) { tokenize_ascii(text.substr(0, end), begin, out, first); },
      [&](std::size_t begin, std::size_t end) {
        for (const Token& token : tokenize_icu(text.substr(begin, end - begin))) {
          push(out, token.begin + begin, token.end + begin, token.kind, first);
        }
      });
  if (offset != 0) {
    for (std::size_t k = first; k < out.size(); ++k) {
      out[k].begin += offset;
      out[k].end += offset;
    }
  }
}

std::size_t word_count(std::string_view text) {
  std::size_t n = 0;
  auto ascii = [&](std::size_t i, std::size_t end) {
    std::string_view part = text.substr(0, end);
    while (i < end) {
      Unit u = unit_at(part, i);
      if (is_word_char(u.kind)) {
        bool alnum = false;
        i = scan_word(part, i, alnum);
        n += alnum ? 1U : 0U;
      } else {
        i += u.size;
      }
    }
  };
  auto icu = [&](std::size_t begin, std::size_t end) {
    for (const Token& token : tokenize_icu(text.substr(begin, end - begin))) {
      n += token.kind == TokenKind::word ? 1U : 0U;
    }
  };
  split_runs(text, ascii, icu);
  return n;
}

}  // namespace stet::text
