// Fuzz target: the diff tokenizer (src/diff/tokenize). Any bytes, valid
// UTF-8 or not: the tokens are non-empty, in order and cover every byte
// exactly once; white space runs are maximal; the fast path agrees with
// ICU; word_count and tokenize_append agree with tokenize.

#include "diff/tokenize.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

bool same_tokens(const std::vector<stet::diff::Token>& x, const std::vector<stet::diff::Token>& y, std::size_t shift) {
  if (x.size() != y.size()) {
    return false;
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i].begin + shift != y[i].begin || x[i].end + shift != y[i].end || x[i].kind != y[i].kind) {
      return false;
    }
  }
  return true;
}

void check_cover(std::string_view text, const std::vector<stet::diff::Token>& tokens) {
  std::size_t at = 0;
  std::size_t words = 0;
  bool previous_space = false;
  for (const stet::diff::Token& token : tokens) {
    if (token.begin != at || token.end <= token.begin || token.end > text.size()) {
      std::abort();
    }
    bool space = token.kind == stet::diff::TokenKind::space;
    if (space && previous_space) {
      std::abort();
    }
    previous_space = space;
    words += token.kind == stet::diff::TokenKind::word ? 1 : 0;
    at = token.end;
  }
  if (at != text.size() || words != stet::diff::word_count(text)) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<stet::diff::Token> tokens = stet::diff::tokenize(text);
  check_cover(text, tokens);
  if (!same_tokens(tokens, stet::diff::tokenize_icu(text), 0)) {
    std::abort();
  }
  std::vector<stet::diff::Token> appended(1, stet::diff::Token{0, 7, stet::diff::TokenKind::word});
  stet::diff::tokenize_append(text, 7, appended);
  appended.erase(appended.begin());
  if (!same_tokens(tokens, appended, 7)) {
    std::abort();
  }
  return 0;
}
