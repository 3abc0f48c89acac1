#pragma once
// (private) Finding the main content of a page: a scoring of text blocks by
// length, commas and link density, with boilerplate class names weighed
// down (in the spirit of Arc90's Readability), then pruning of navigation,
// share bars and other furniture inside the chosen content.

#include <gumbo.h>

#include <unordered_set>

namespace stet::capture {

struct ContentSelection {
  std::unordered_set<const GumboNode*> keep;  // subtrees whose text is the main content
  std::unordered_set<const GumboNode*> drop;  // subtrees left out even inside a kept one

  [[nodiscard]] bool kept(const GumboNode* node) const { return keep.count(node) != 0; }
  [[nodiscard]] bool dropped(const GumboNode* node) const { return drop.count(node) != 0; }
};

// The main content of the page rooted at `root` (the <html> element). When
// nothing scores, the <body> is kept whole.
[[nodiscard]] ContentSelection select_main_content(const GumboNode* root);

}  // namespace stet::capture
