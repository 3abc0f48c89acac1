#include "capture/html_text.hpp"

#include "capture/html_nodes.hpp"
#include "capture/main_content.hpp"
#include "capture/text_util.hpp"

#include <gumbo.h>

#include <memory>

namespace stet::capture {

namespace {

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Collects text with collapsed white space and the breaks blocks ask for.
class Emitter {
 public:
  explicit Emitter(const Decoded& page) : m_page(page) {}

  void request_break(int level) { m_break = std::max(m_break, level); }
  void request_space() { m_space = true; }

  // `decoded` is the text node's text, `original` its source bytes
  // starting at `offset` in the decoded page.
  void text(std::string_view decoded, std::string_view original, std::size_t offset, bool pre) {
    std::vector<std::size_t> raw_starts = word_starts(original);
    std::vector<std::size_t> starts = word_starts(decoded);
    bool aligned = raw_starts.size() == starts.size();
    if (!decoded.empty() && ascii_space(decoded.front())) {
      m_space = true;
    }
    for (std::size_t k = 0; k < starts.size(); ++k) {
      std::size_t end = starts[k];
      while (end < decoded.size() && !ascii_space(decoded[end])) {
        ++end;
      }
      if (k > 0) {
        m_space = true;
        if (pre) {
          preserve_breaks(decoded.substr(starts[k - 1], starts[k] - starts[k - 1]));
        }
      }
      separate();
      std::size_t at = offset + (aligned ? raw_starts[k] : 0);
      m_out.words.push_back({static_cast<std::uint32_t>(m_out.text.size()), m_page.source_offset(at)});
      m_out.text.append(decoded.substr(starts[k], end - starts[k]));
    }
    if (!decoded.empty() && ascii_space(decoded.back())) {
      m_space = true;
    }
  }

  void cell() {
    if (!m_row_start) {
      m_out.text.append(" |");
      m_space = true;
    }
    m_row_start = false;
  }
  void row() { m_row_start = true; }

  PageText finish() {
    if (!m_out.text.empty()) {
      m_out.text.push_back('\n');
    }
    return std::move(m_out);
  }

 private:
  static std::vector<std::size_t> word_starts(std::string_view text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (!ascii_space(text[i]) && (i == 0 || ascii_space(text[i - 1]))) {
        starts.push_back(i);
      }
    }
    return starts;
  }

  void preserve_breaks(std::string_view between) {
    int lines = 0;
    for (char c : between) {
      lines += c == '\n' ? 1 : 0;
    }
    if (lines > 0) {
      request_break(std::min(lines, 2));
    }
  }

  void separate() {
    if (m_out.text.empty()) {
      m_break = 0;
      m_space = false;
      return;
    }
    if (m_break > 0) {
      m_out.text.append(m_break >= 2 ? "\n\n" : "\n");
    } else if (m_space) {
      m_out.text.push_back(' ');
    }
    m_break = 0;
    m_space = false;
  }

  const Decoded& m_page;
  PageText m_out;
  int m_break = 0;
  bool m_space = false;
  bool m_row_start = true;
};

struct Walk {
  Emitter& emit;
  const ContentSelection* selection;  // null: every visible node
};

void walk(const GumboNode* node, Walk& w, bool inside, bool pre);

void walk_element(const GumboNode* node, Walk& w, bool inside, bool pre) {
  if (html::never_shown(node) || (w.selection != nullptr && w.selection->dropped(node))) {
    return;
  }
  inside = inside || w.selection == nullptr || w.selection->kept(node);
  GumboTag tag = node->v.element.tag;
  pre = pre || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA;
  int level = html::is_paragraph_break(tag) ? 2 : html::is_block(tag) ? 1 : 0;
  if (inside && level > 0) {
    w.emit.request_break(level);
  }
  if (inside && tag == GUMBO_TAG_TR) {
    w.emit.row();
  }
  if (inside && (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)) {
    w.emit.cell();
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    walk(static_cast<const GumboNode*>(children.data[i]), w, inside, pre);
  }
  if (inside && level > 0) {
    w.emit.request_break(level);
  }
  if (inside && (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_INPUT)) {
    w.emit.request_space();
  }
}

void walk(const GumboNode* node, Walk& w, bool inside, bool pre) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT: {
      const GumboVector& children = node->v.document.children;
      for (unsigned i = 0; i < children.length; ++i) {
        walk(static_cast<const GumboNode*>(children.data[i]), w, inside, pre);
      }
      return;
    }
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      walk_element(node, w, inside, pre);
      return;
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      if (inside) {
        const GumboText& t = node->v.text;
        w.emit.text(t.text, std::string_view(t.original_text.data, t.original_text.length), t.start_pos.offset, pre);
      }
      return;
    default:
      return;
  }
}

const GumboNode* find_first(const GumboNode* node, GumboTag tag) {
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) {
    return node;
  }
  const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                : html::is_element(node)          ? &node->v.element.children
                                                                  : nullptr;
  for (unsigned i = 0; children != nullptr && i < children->length; ++i) {
    if (const GumboNode* found = find_first(static_cast<const GumboNode*>(children->data[i]), tag)) {
      return found;
    }
  }
  return nullptr;
}

std::string og_title(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_META &&
      (html::attribute(node, "property") == "og:title" || html::attribute(node, "name") == "og:title")) {
    return std::string(html::attribute(node, "content"));
  }
  if (!html::is_element(node)) {
    return {};
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    std::string found = og_title(static_cast<const GumboNode*>(children.data[i]));
    if (!found.empty()) {
      return found;
    }
  }
  return {};
}

std::string page_title(const GumboOutput* output) {
  std::string title;
  if (const GumboNode* node = find_first(output->document, GUMBO_TAG_TITLE)) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
        title += child->v.text.text;
      }
    }
  }
  title = collapse_space(title);
  if (title.empty()) {
    title = collapse_space(og_title(output->root));
  }
  return cut_utf8(title, 200);
}

struct OutputFree {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

}  // namespace

std::optional<TextMode> parse_text_mode(std::string_view name) {
  if (name == "visible") {
    return TextMode::visible;
  }
  if (name == "main") {
    return TextMode::main;
  }
  return std::nullopt;
}

const char* text_mode_name(TextMode mode) { return mode == TextMode::main ? "main" : "visible"; }

PageText extract_html(const Decoded& page, TextMode mode) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are not needed, only the tree
  std::unique_ptr<GumboOutput, OutputFree> output(
      gumbo_parse_with_options(&options, page.utf8.data(), page.utf8.size()));
  std::optional<ContentSelection> selection;
  if (mode == TextMode::main) {
    selection = select_main_content(output->root);
  }
  Emitter emitter(page);
  Walk w{emitter, selection ? &*selection : nullptr};
  walk(output->document, w, false, false);
  PageText text = emitter.finish();
  text.title = page_title(output.get());
  return text;
}

}  // namespace stet::capture
