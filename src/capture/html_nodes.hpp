#pragma once
// (private) Questions about gumbo nodes shared by the text walker and the
// main-content scorer: which elements are never shown, which are blocks.

#include <gumbo.h>

#include <string>
#include <string_view>

namespace stet::capture::html {

// Script, style, template, noscript, head and other elements whose content
// is not page text, and elements hidden by `hidden`, `type=hidden`, or an
// inline style with display:none or visibility:hidden.
[[nodiscard]] bool never_shown(const GumboNode* node);

// Elements that start a new line in the text form.
[[nodiscard]] bool is_block(GumboTag tag);

// Elements whose start and end make a paragraph break (a blank line).
[[nodiscard]] bool is_paragraph_break(GumboTag tag);

[[nodiscard]] bool is_heading(GumboTag tag);

// The value of attribute `name`, empty when absent.
[[nodiscard]] std::string_view attribute(const GumboNode* node, const char* name);

// "class id" of an element, lowercase, for the boilerplate patterns.
[[nodiscard]] std::string class_and_id(const GumboNode* node);

[[nodiscard]] inline bool is_element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

}  // namespace stet::capture::html
