#pragma once
// The units the word diff compares are the text layer's tokens (words,
// punctuation, white-space runs with byte offsets; see text/tokens.hpp).

#include "text/tokens.hpp"

namespace stet::diff {

using text::Token;
using text::tokenize;
using text::tokenize_append;
using text::tokenize_icu;
using text::TokenKind;
using text::word_count;

}  // namespace stet::diff
