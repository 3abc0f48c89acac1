#include "capture/html_nodes.hpp"

#include "capture/text_util.hpp"

namespace stet::capture::html {

namespace {

std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : ascii_lower(text)) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string_view attribute(const GumboNode* node, const char* name) {
  if (!is_element(node)) {
    return {};
  }
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr == nullptr ? std::string_view{} : std::string_view(attr->value);
}

std::string class_and_id(const GumboNode* node) {
  return ascii_lower(std::string(attribute(node, "class")) + " " + std::string(attribute(node, "id")));
}

bool never_shown(const GumboNode* node) {
  if (!is_element(node)) {
    return false;
  }
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_DATALIST:
      return true;
    default:
      break;
  }
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) {
    return true;
  }
  if (ascii_lower(attribute(node, "type")) == "hidden") {
    return true;
  }
  std::string style = without_spaces(attribute(node, "style"));
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

bool is_paragraph_break(GumboTag tag) {
  return is_heading(tag) || tag == GUMBO_TAG_P || tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_PRE ||
         tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL ||
         tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_HR;
}

bool is_block(GumboTag tag) {
  if (is_paragraph_break(tag)) {
    return true;
  }
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
      return true;
    default:
      return false;
  }
}

}  // namespace stet::capture::html
