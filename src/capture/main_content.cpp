#include "capture/main_content.hpp"

#include "capture/html_nodes.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stet::capture {

namespace {

using html::is_element;

// Class and id fragments of page furniture, and of content (the latter
// rescue an element from the first list: "main-sidebar-content").
constexpr std::array<std::string_view, 32> k_unlikely{
    "-ad-",         "ai2html",  "banner",  "breadcrumb", "combx",   "comment",    "community",  "cover-wrap",
    "disqus",       "extra",    "footer",  "gdpr",       "header",  "legends",    "menu",       "related",
    "remark",       "replies",  "rss",     "shoutbox",   "sidebar", "skyscraper", "social",     "sponsor",
    "supplemental", "ad-break", "agegate", "pagination", "pager",   "popup",      "newsletter", "cookie"};
constexpr std::array<std::string_view, 7> k_maybe{"and", "article", "body", "column", "content", "main", "shadow"};
constexpr std::array<std::string_view, 36> k_negative{
    "-ad-",      "hidden",     "banner",  "combx",    "comment", "com-",       "contact", "foot",   "gdpr",
    "masthead",  "media",      "meta",    "outbrain", "promo",   "related",    "scroll",  "share",  "shoutbox",
    "sidebar",   "skyscraper", "sponsor", "shopping", "tags",    "tool",       "widget",  "social", "newsletter",
    "subscribe", "recommend",  "byline",  "author",   "caption", "breadcrumb", "popup",   "modal",  "cookie"};
constexpr std::array<std::string_view, 13> k_positive{"article", "body", "content", "entry",      "hentry",
                                                      "h-entry", "main", "page",    "pagination", "post",
                                                      "text",    "blog", "story"};
constexpr std::array<std::string_view, 9> k_byline{"byline", "author",  "dateline", "timestamp", "published",
                                                   "credit", "caption", "posted",   "date"};

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != text.npos; });
}

int name_weight(std::string_view name) {
  int weight = 0;
  weight -= contains_any(name, k_negative) ? 25 : 0;
  weight += contains_any(name, k_positive) ? 25 : 0;
  return weight;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// Class and id are weighed separately, as Readability does.
int class_weight(const GumboNode* node) {
  return name_weight(lower(html::attribute(node, "class"))) + name_weight(lower(html::attribute(node, "id")));
}

void collect_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT) {
    out += node->v.text.text;
  } else if (is_element(node) && !html::never_shown(node)) {
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      collect_text(static_cast<const GumboNode*>(kids.data[i]), out);
    }
  }
}

// A short paragraph without links still belongs when it reads as a sentence.
bool ends_sentence(const GumboNode* node) {
  std::string text;
  collect_text(node, text);
  std::size_t dot = text.find('.');
  while (dot != std::string::npos) {
    if (dot + 1 == text.size() || text[dot + 1] == ' ') {
      return true;
    }
    dot = text.find('.', dot + 1);
  }
  return false;
}

const GumboVector* children_of(const GumboNode* node) { return is_element(node) ? &node->v.element.children : nullptr; }

struct Stats {
  double chars = 0;       // visible characters (UTF-8 bytes) below the node
  double link_chars = 0;  // of which inside <a>
  double commas = 0;
  double inline_chars = 0;  // in text nodes and inline elements directly below
  bool has_block_child = false;
};

class Scorer {
 public:
  // `strict` applies the unlikely-candidate filter and the class weights;
  // the lenient pass is for pages whose every block has a furniture-like
  // class.
  Scorer(const GumboNode* root, bool strict) : m_use_unlikely(strict), m_use_weights(strict) { measure(root, false); }

  ContentSelection select(const GumboNode* root) {
    score_paragraphs(root, false);
    const GumboNode* top = top_candidate();
    ContentSelection out;
    if (top == nullptr) {
      out.keep.insert(root);
      return out;
    }
    keep_with_siblings(top, out);
    for (const GumboNode* kept : std::vector<const GumboNode*>(out.keep.begin(), out.keep.end())) {
      prune(kept, out, stats(kept).chars);
    }
    return out;
  }

 private:
  Stats measure(const GumboNode* node, bool in_link) {
    Stats s;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      std::string_view text(node->v.text.text);
      s.chars = static_cast<double>(text.size());
      s.link_chars = in_link ? s.chars : 0;
      s.commas = static_cast<double>(std::count(text.begin(), text.end(), ','));
      return s;
    }
    if (!is_element(node) || html::never_shown(node)) {
      return s;
    }
    bool link = in_link || node->v.element.tag == GUMBO_TAG_A;
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(kids.data[i]);
      Stats c = measure(child, link);
      s.chars += c.chars;
      s.link_chars += c.link_chars;
      s.commas += c.commas;
      bool block = is_element(child) && html::is_block(child->v.element.tag);
      s.has_block_child = s.has_block_child || block;
      s.inline_chars += block ? 0 : c.chars;
    }
    m_stats[node] = s;
    return s;
  }

  [[nodiscard]] const Stats& stats(const GumboNode* node) const {
    static const Stats k_empty;
    auto it = m_stats.find(node);
    return it == m_stats.end() ? k_empty : it->second;
  }

  [[nodiscard]] double link_density(const GumboNode* node) const {
    const Stats& s = stats(node);
    return s.chars > 0 ? s.link_chars / s.chars : 0;
  }

  [[nodiscard]] bool unlikely(const GumboNode* node) const {
    if (!m_use_unlikely) {
      return false;
    }
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) {
      return false;
    }
    if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_HEADER) {
      return true;
    }
    std::string_view role = html::attribute(node, "role");
    for (std::string_view r : {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}) {
      if (role == r) {
        return true;
      }
    }
    std::string name = html::class_and_id(node);
    return contains_any(name, k_unlikely) && !contains_any(name, k_maybe);
  }

  static double tag_weight(GumboTag tag) {
    switch (tag) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_MAIN:
        return 5;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        return 3;
      case GUMBO_TAG_ADDRESS:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DD:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_FORM:
        return -3;
      case GUMBO_TAG_TH:
        return -5;
      default:
        return html::is_heading(tag) ? -5 : 0;
    }
  }

  void add_score(const GumboNode* node, double score) {
    auto [it, fresh] = m_score.try_emplace(node, 0.0);
    if (fresh) {
      it->second = tag_weight(node->v.element.tag) + (m_use_weights ? class_weight(node) : 0);
      m_order.push_back(node);
    }
    it->second += score;
  }

  // A paragraph: p, pre, td, or a div/section holding text directly.
  [[nodiscard]] double paragraph_chars(const GumboNode* node) const {
    GumboTag tag = node->v.element.tag;
    const Stats& s = stats(node);
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_BLOCKQUOTE) {
      return s.chars;
    }
    if (tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN ||
        tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_FONT) {
      return s.has_block_child ? s.inline_chars : (tag == GUMBO_TAG_SPAN ? 0 : s.chars);
    }
    return 0;
  }

  void score_paragraphs(const GumboNode* node, bool skipped) {
    if (!is_element(node) || html::never_shown(node)) {
      return;
    }
    skipped = skipped || unlikely(node);
    double chars = skipped ? 0 : paragraph_chars(node);
    if (chars >= 25) {
      double score = 1 + stats(node).commas + std::min(std::floor(chars / 100), 3.0);
      const GumboNode* ancestor = node->parent;
      for (int level = 0; level < 5 && ancestor != nullptr && is_element(ancestor); ++level) {
        add_score(ancestor, level == 0 ? score : level == 1 ? score / 2 : score / (level * 3));
        ancestor = ancestor->parent;
      }
    }
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      score_paragraphs(static_cast<const GumboNode*>(kids.data[i]), skipped);
    }
  }

  [[nodiscard]] double final_score(const GumboNode* node) const {
    auto it = m_score.find(node);
    return it == m_score.end() ? 0 : it->second * (1 - link_density(node));
  }

  const GumboNode* top_candidate() const {
    const GumboNode* top = nullptr;
    for (const GumboNode* node : m_order) {
      if (top == nullptr || final_score(node) > final_score(top)) {
        top = node;
      }
    }
    if (top == nullptr || final_score(top) <= 0) {
      return nullptr;
    }
    // An only child says little: its parent is the content.
    while (top->parent != nullptr && is_element(top->parent) && top->parent->v.element.tag != GUMBO_TAG_BODY &&
           children_of(top->parent) != nullptr && element_children(top->parent) == 1) {
      top = top->parent;
    }
    return top;
  }

  static int element_children(const GumboNode* node) {
    int count = 0;
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      count += is_element(static_cast<const GumboNode*>(kids.data[i])) ? 1 : 0;
    }
    return count;
  }

  void keep_with_siblings(const GumboNode* top, ContentSelection& out) const {
    out.keep.insert(top);
    const GumboNode* parent = top->parent;
    if (parent == nullptr || !is_element(parent)) {
      return;
    }
    double threshold = std::max(10.0, final_score(top) * 0.2);
    std::string top_class(html::attribute(top, "class"));
    const GumboVector& kids = parent->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* sib = static_cast<const GumboNode*>(kids.data[i]);
      if (sib == top || !is_element(sib) || html::never_shown(sib) || unlikely(sib)) {
        continue;
      }
      double bonus = !top_class.empty() && html::attribute(sib, "class") == top_class ? final_score(top) * 0.2 : 0;
      bool keep = final_score(sib) + bonus >= threshold;
      if (!keep && sib->v.element.tag == GUMBO_TAG_P) {
        double chars = stats(sib).chars;
        keep = (chars > 80 && link_density(sib) < 0.25) ||
               (chars > 0 && chars <= 80 && link_density(sib) == 0 && ends_sentence(sib));
      }
      if (keep) {
        out.keep.insert(sib);
      }
    }
  }

  // `root_chars`: the text of the kept subtree; a node holding most of
  // it is never furniture, whatever its class says.
  [[nodiscard]] bool furniture(const GumboNode* node, double root_chars) const {
    GumboTag tag = node->v.element.tag;
    switch (tag) {
      case GUMBO_TAG_NAV:
      case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_FOOTER:
      case GUMBO_TAG_HEADER:
      case GUMBO_TAG_FORM:
      case GUMBO_TAG_BUTTON:
      case GUMBO_TAG_FIGURE:
      case GUMBO_TAG_FIGCAPTION:
      case GUMBO_TAG_H1:
        return true;
      default:
        break;
    }
    std::string name = html::class_and_id(node);
    const Stats& s = stats(node);
    if (s.chars > 0.5 * root_chars) {
      return false;
    }
    if (contains_any(name, k_byline) && s.chars < 300) {
      return true;
    }
    int weight = m_use_weights ? class_weight(node) : 0;
    if (weight < 0) {
      return true;
    }
    bool container = tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL ||
                     tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_DL || tag == GUMBO_TAG_P;
    double density = link_density(node);
    return container && ((density > 0.33 && weight < 25) || density > 0.5);
  }

  void prune(const GumboNode* node, ContentSelection& out, double root_chars) const {
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(kids.data[i]);
      if (!is_element(child)) {
        continue;
      }
      if (furniture(child, root_chars)) {
        out.drop.insert(child);
      } else {
        prune(child, out, root_chars);
      }
    }
  }

 public:
  // The characters the selection keeps (kept subtrees less dropped ones).
  [[nodiscard]] double kept_chars(const ContentSelection& selection) const {
    double chars = 0;
    for (const GumboNode* node : selection.keep) {
      chars += stats(node).chars;
    }
    for (const GumboNode* node : selection.drop) {
      chars -= stats(node).chars;
    }
    return chars;
  }

  [[nodiscard]] double total_chars(const GumboNode* root) const { return stats(root).chars; }

 private:
  std::unordered_map<const GumboNode*, Stats> m_stats;
  std::unordered_map<const GumboNode*, double> m_score;
  bool m_use_unlikely = true;
  bool m_use_weights = true;
  std::vector<const GumboNode*> m_order;  // candidates in document order of first score: ties go to the first
};

}  // namespace

ContentSelection select_main_content(const GumboNode* root) {
  Scorer strict(root, true);
  ContentSelection selection = strict.select(root);
  // Too little text for an article: the classes misled the first pass.
  double kept = strict.kept_chars(selection);
  if (kept < 500 && kept < 0.2 * strict.total_chars(root)) {
    Scorer lenient(root, false);
    ContentSelection second = lenient.select(root);
    if (lenient.kept_chars(second) > kept) {
      return second;
    }
  }
  return selection;
}

}  // namespace stet::capture
