#include "render/diff_text.hpp"

#include "render/html_escape.hpp"
#include "render/visible.hpp"

#include <algorithm>
#include <ostream>

namespace stet::cli {

namespace {

using diff::Minor;
using diff::Op;
using diff::OpKind;

constexpr const char* k_red = "\x1b[31m";
constexpr const char* k_green = "\x1b[32m";
constexpr const char* k_magenta = "\x1b[35m";
constexpr const char* k_cyan = "\x1b[36m";
constexpr const char* k_dim = "\x1b[2m";
constexpr const char* k_underline = "\x1b[4m";
constexpr const char* k_reset = "\x1b[m";

// Offset just past the `n`-th line break of `text` (or its end).
std::size_t after_lines(std::string_view text, int n) {
  std::size_t at = 0;
  for (int k = 0; k <= n; ++k) {
    std::size_t newline = text.find('\n', at);
    if (newline == std::string_view::npos) {
      return text.size();
    }
    at = newline + 1;
  }
  return at;
}

// Offset of the start of the `n`-th full line before the end of `text`.
std::size_t before_lines(std::string_view text, int n) {
  std::size_t at = text.size();
  for (int k = 0; k <= n; ++k) {
    std::size_t newline = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    if (newline == std::string_view::npos) {
      return 0;
    }
    at = newline;
  }
  return at + 1;
}

std::size_t lines_in(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

class TextWriter {
 public:
  TextWriter(std::ostream& out, const DiffView& view, bool wdiff) : m_out(out), m_view(view), m_wdiff(wdiff) {}

  void equal(const Op& op, bool first, bool last) {
    std::string_view text = diff::op_text(op, m_view.a, m_view.b);
    if (m_view.context < 0) {
      emit(text);
      return;
    }
    std::size_t head = first ? 0 : after_lines(text, m_view.context);
    std::size_t tail = last ? text.size() : before_lines(text, m_view.context);
    if (head >= tail) {
      emit(text);
      return;
    }
    emit(text.substr(0, head));
    std::size_t line_a = m_line_a + lines_in(text.substr(0, tail)) + 1;
    std::size_t line_b = m_line_b + lines_in(text.substr(0, tail)) + 1;
    paint(k_dim, "@@ A line " + std::to_string(line_a) + ", B line " + std::to_string(line_b) + " @@");
    m_out << "\n";
    emit(text.substr(tail));
  }

  void change(const Op& op) {
    std::string_view text = diff::op_text(op, m_view.a, m_view.b);
    bool remove = op.kind == OpKind::remove;
    if (op.minor != Minor::none) {
      if (!remove) {
        op.minor == Minor::typography && !m_wdiff ? paint(k_underline, text) : emit(text);
      }
      return;
    }
    if (m_wdiff || !m_view.colors) {
      std::string tag = op.move != 0 && !m_wdiff ? "(moved " + std::to_string(op.move) + ")" : "";
      m_out << (remove ? "[-" : "{+") << tag;
      emit(text);
      m_out << (remove ? "-]" : "+}");
      return;
    }
    if (op.move != 0) {
      paint(k_dim, "(moved " + std::to_string(op.move) + ")");
      paint(remove ? k_magenta : k_cyan, text);
      return;
    }
    paint(remove ? k_red : k_green, text);
  }

  void count(const Op& op) {
    if (m_view.context < 0) {
      return;  // line numbers are shown only around context
    }
    std::string_view text = diff::op_text(op, m_view.a, m_view.b);
    if (op.kind != OpKind::insert) {
      m_line_a += lines_in(text);
    }
    if (op.kind != OpKind::remove) {
      m_line_b += lines_in(text);
    }
  }

 private:
  // Document text: exact in wdiff; in the color format (meant for a
  // terminal) its control characters are shown, not obeyed.
  void emit(std::string_view text) {
    if (m_wdiff || !needs_escaping(text)) {
      m_out << text;
    } else {
      m_out << visible_text(text);
    }
  }

  // Colours each line separately so that pagers and terminals keep them.
  void paint(const char* color, std::string_view text) {
    if (!m_view.colors) {
      emit(text);
      return;
    }
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t newline = text.find('\n', at);
      std::size_t end = newline == std::string_view::npos ? text.size() : newline;
      // A CRLF line ending stays outside the colour, whole.
      std::size_t cr = newline != std::string_view::npos && end > at && text[end - 1] == '\r' ? 1 : 0;
      if (end - cr > at) {
        m_out << color;
        emit(text.substr(at, end - cr - at));
        m_out << k_reset;
      }
      if (newline != std::string_view::npos) {
        m_out << (cr == 1 ? "\r\n" : "\n");
      }
      at = end + (newline == std::string_view::npos ? 0 : 1);
    }
  }

  std::ostream& m_out;
  const DiffView& m_view;
  bool m_wdiff;
  std::size_t m_line_a = 0;
  std::size_t m_line_b = 0;
};

constexpr const char* k_style =
    "body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}"
    "pre{white-space:pre-wrap;font:inherit}del{background:#fdd;color:#900}ins{background:#dfd;color:#060;"
    "text-decoration:none}.moved{background:#e8e0ff;color:#436}.typo{text-decoration:underline dotted}"
    ".note{background:#ffe9b3;padding:.5em}dl{display:grid;grid-template-columns:auto 1fr;gap:0 1em}";

}  // namespace

void render_text(std::ostream& out, const DiffView& view, bool wdiff) {
  TextWriter writer(out, view, wdiff);
  const auto& ops = view.result->ops;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].kind == OpKind::equal) {
      writer.equal(ops[k], k == 0, k + 1 == ops.size());
    } else {
      writer.change(ops[k]);
    }
    writer.count(ops[k]);
  }
  if (!wdiff) {
    if (std::string note = truncation_note(view); !note.empty()) {
      bool newline = !ops.empty() && !view.b.ends_with('\n');
      out << (newline ? "\n" : "") << (view.colors ? k_dim : "") << "stet: " << visible(note)
          << (view.colors ? k_reset : "") << "\n";
    }
    if (!view.layout_note.empty()) {
      bool newline = !ops.empty() && !view.b.ends_with('\n');
      out << (newline ? "\n" : "") << (view.colors ? k_dim : "") << "stet: " << view.layout_note
          << (view.colors ? k_reset : "") << "\n";
    }
  }
}

void render_html(std::ostream& out, const DiffView& view) {
  const diff::Stats& s = view.result->stats;
  out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
      << html_escape(view.label_a + " → " + view.label_b) << "</title><style>" << k_style << "</style></head><body>\n";
  out << "<h1>" << html_escape(view.label_a) << " → " << html_escape(view.label_b) << "</h1>\n";
  out << "<p class=\"ids\">SHA-256 <code>" << html_escape(view.sha_a.substr(0, 12)) << "</code> → <code>"
      << html_escape(view.sha_b.substr(0, 12)) << "</code></p>\n<dl><dt>added</dt><dd>" << s.words_added
      << " words</dd><dt>removed</dt><dd>" << s.words_removed << " words</dd><dt>moved</dt><dd>" << s.words_moved
      << " words</dd></dl>\n";
  if (std::string note = truncation_note(view); !note.empty()) {
    out << "<p class=\"note\">" << html_escape(note) << "</p>\n";
  }
  if (!view.layout_note.empty()) {
    out << "<p class=\"note\">" << html_escape(view.layout_note) << "</p>\n";
  }
  out << "<pre>";
  for (const Op& op : view.result->ops) {
    std::string text = html_escape(diff::op_text(op, view.a, view.b));
    if (op.kind == OpKind::equal) {
      out << text;
    } else if (op.minor != Minor::none) {
      if (op.kind == OpKind::insert) {
        out << (op.minor == Minor::typography ? "<span class=\"typo\">" + text + "</span>" : text);
      }
    } else {
      std::string tag = op.kind == OpKind::remove ? "del" : "ins";
      std::string move = op.move != 0 ? " class=\"moved\" title=\"moved text " + std::to_string(op.move) + "\"" : "";
      out << "<" << tag << move << ">" << text << "</" << tag << ">";
    }
  }
  out << "</pre>\n</body></html>\n";
}

}  // namespace stet::cli
