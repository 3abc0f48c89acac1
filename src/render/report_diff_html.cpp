#include "render/report_diff_html.hpp"

#include "render/diff_render.hpp"
#include "render/html_escape.hpp"
#include "text/tokens.hpp"

#include <iomanip>
#include <ostream>
#include <sstream>
#include <vector>

namespace stet::cli {

namespace {

using diff::Minor;
using diff::Op;
using diff::OpKind;

enum class PieceKind { equal, removed, added, cut, skipped };

// Unchanged text kept on each side of a change when runs are collapsed.
constexpr std::size_t k_edge_bytes = 160;

// A run of text to render: an op (or part of one, split at the cut) or the
// cut marker itself. `missing` marks words only the longer side has after
// the point where the shorter side stops.
struct Piece {
  PieceKind kind = PieceKind::equal;
  std::string_view text;
  int move = 0;
  Minor minor = Minor::none;
  bool missing = false;
};

PieceKind piece_kind(OpKind kind) {
  return kind == OpKind::equal ? PieceKind::equal : kind == OpKind::remove ? PieceKind::removed : PieceKind::added;
}

// The ops as pieces, with the cut marker placed in the longer side at the
// byte where the shorter side stops (after the shorter side's own last words).
std::vector<Piece> build_pieces(const PairView& pair) {
  const auto& cut = pair.result->truncation;
  bool longer_is_b = cut && cut->a_is_shorter;
  bool placed = !cut;
  std::vector<Piece> pieces;
  for (const Op& op : pair.result->ops) {
    std::string_view text = diff::op_text(op, pair.a, pair.b);
    bool on_longer = op.kind == OpKind::equal || op.kind == (longer_is_b ? OpKind::insert : OpKind::remove);
    diff::Span span = longer_is_b ? op.b : op.a;
    if (!placed && on_longer && span.end > cut->stops_at) {
      if (span.begin < cut->stops_at) {
        std::size_t head = cut->stops_at - span.begin;
        pieces.push_back({piece_kind(op.kind), text.substr(0, head), op.move, op.minor, false});
        text = text.substr(head);
      }
      pieces.push_back({PieceKind::cut, {}, 0, Minor::none, false});
      placed = true;
    }
    bool missing = cut && placed && on_longer && op.kind != OpKind::equal;
    pieces.push_back({piece_kind(op.kind), text, op.move, op.minor, missing});
  }
  if (!placed) {
    pieces.push_back({PieceKind::cut, {}, 0, Minor::none, false});
  }
  return pieces;
}

// Where to end the head of an unchanged run: the last line break (else
// space) at or before `limit`, so a cut never splits a word or a UTF-8
// sequence; 0 when there is none.
std::size_t head_end(std::string_view text, std::size_t limit) {
  std::size_t at = text.rfind('\n', limit);
  if (at == std::string_view::npos || at < limit / 3) {
    at = text.rfind(' ', limit);
  }
  return at == std::string_view::npos ? 0 : at + 1;
}

// Where to begin the tail: the first line break (else space) within
// `limit` bytes of the end; text.size() when there is none.
std::size_t tail_begin(std::string_view text, std::size_t limit) {
  std::size_t from = text.size() - limit;
  std::size_t at = text.find('\n', from);
  if (at == std::string_view::npos || at > from + limit * 2 / 3) {
    at = text.find(' ', from);
  }
  return at == std::string_view::npos ? text.size() : at + 1;
}

// Long unchanged runs keep only their edges next to a change; the middle
// becomes one `skipped` piece (its text kept for the word count).
std::vector<Piece> collapsed(const std::vector<Piece>& pieces) {
  std::vector<Piece> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Piece& piece = pieces[i];
    std::string_view text = piece.text;
    if (piece.kind != PieceKind::equal || text.size() <= 3 * k_edge_bytes) {
      out.push_back(piece);
      continue;
    }
    std::size_t head = i == 0 ? 0 : head_end(text, k_edge_bytes);
    std::size_t tail = i + 1 == pieces.size() ? text.size() : tail_begin(text, k_edge_bytes);
    if (tail <= head || text::word_count(text.substr(head, tail - head)) < 20) {
      out.push_back(piece);
      continue;
    }
    out.push_back({PieceKind::equal, text.substr(0, head), 0, Minor::none, false});
    out.push_back({PieceKind::skipped, text.substr(head, tail - head), 0, Minor::none, false});
    out.push_back({PieceKind::equal, text.substr(tail), 0, Minor::none, false});
  }
  return out;
}

std::string skipped_marker(const Piece& piece) {
  return "<span class=\"skip\">⋯ " + std::to_string(text::word_count(piece.text)) + " unchanged words ⋯</span>\n";
}

std::string cut_marker(const PairView& pair) {
  const auto& cut = *pair.result->truncation;
  int shorter = cut.a_is_shorter ? pair.number_a : pair.number_b;
  int longer = cut.a_is_shorter ? pair.number_b : pair.number_a;
  return "<span class=\"cut\" role=\"note\">v" + std::to_string(shorter) + " stops here · v" + std::to_string(longer) +
         " goes on for " + std::to_string(cut.missing_words) + " more word" + (cut.missing_words == 1 ? "" : "s") +
         "</span>";
}

// The markup of one piece. Minor (ignored) differences show only the side
// they belong to, unmarked but for a dotted underline on typography.
std::string piece_html(const Piece& piece, const PairView& pair) {
  if (piece.kind == PieceKind::cut) {
    return cut_marker(pair);
  }
  if (piece.kind == PieceKind::skipped) {
    return skipped_marker(piece);
  }
  std::string text = html_escape(piece.text);
  if (piece.kind == PieceKind::equal) {
    return text;
  }
  if (piece.minor != Minor::none) {
    return piece.minor == Minor::typography ? "<span class=\"typo\" title=\"typographic variant\">" + text + "</span>"
                                            : text;
  }
  std::string tag = piece.kind == PieceKind::removed ? "del" : "ins";
  std::string classes = piece.missing ? "missing" : "";
  std::string title = piece.missing ? "missing from the shorter version" : "";
  if (piece.move != 0) {
    classes += classes.empty() ? "moved" : " moved";
    title = "moved text (" + std::to_string(piece.move) + ")";
  }
  std::string attributes = classes.empty() ? "" : " class=\"" + classes + "\" title=\"" + title + "\"";
  return "<" + tag + attributes + ">" + text + "</" + tag + ">";
}

void write_inline(std::ostream& out, const std::vector<Piece>& pieces, const PairView& pair) {
  out << "<div class=\"inline\"><div class=\"text\">";
  for (const Piece& piece : pieces) {
    bool hidden_minor = piece.minor != Minor::none && piece.kind == PieceKind::removed;
    if (!hidden_minor) {
      out << piece_html(piece, pair);
    }
  }
  out << "</div></div>\n";
}

// Side by side, one table row per paragraph of unchanged text: a row ends
// after a blank line that both versions share.
class SideTable {
 public:
  SideTable(std::ostream& out, const PairView& pair) : m_out(out), m_pair(pair) {}

  void add(const Piece& piece) {
    if (piece.kind == PieceKind::equal) {
      add_equal(piece);
      return;
    }
    if (piece.kind == PieceKind::skipped) {
      flush();
      m_out << "<tr class=\"skip\"><td colspan=\"2\">" << skipped_marker(piece) << "</td></tr>\n";
      return;
    }
    std::string html = piece_html(piece, m_pair);
    if (piece.kind != PieceKind::added) {
      m_left += html;
    }
    if (piece.kind != PieceKind::removed) {
      m_right += html;
    }
  }

  // The blank line that ends a row is the row's border: trimmed, so that
  // cells do not end in empty lines.
  void flush() {
    trim_newlines(m_left);
    trim_newlines(m_right);
    if (!m_left.empty() || !m_right.empty()) {
      m_out << "<tr><td>" << m_left << "</td><td>" << m_right << "</td></tr>\n";
    }
    m_left.clear();
    m_right.clear();
  }

 private:
  static void trim_newlines(std::string& html) {
    while (html.ends_with('\n')) {
      html.pop_back();
    }
  }

  void add_equal(const Piece& piece) {
    std::string_view rest = piece.text;
    for (std::size_t at = rest.find("\n\n"); at != std::string_view::npos; at = rest.find("\n\n")) {
      std::size_t end = rest.find_first_not_of('\n', at);
      end = end == std::string_view::npos ? rest.size() : end;
      std::string html = html_escape(rest.substr(0, end));
      m_left += html;
      m_right += html;
      flush();
      rest = rest.substr(end);
    }
    std::string html = html_escape(rest);
    m_left += html;
    m_right += html;
  }

  std::ostream& m_out;
  const PairView& m_pair;
  std::string m_left;
  std::string m_right;
};

void write_side(std::ostream& out, const std::vector<Piece>& pieces, const PairView& pair) {
  out << "<div class=\"side\"><table><thead><tr><th scope=\"col\">v" << pair.number_a << " (before)</th>"
      << "<th scope=\"col\">v" << pair.number_b << " (after)</th></tr></thead><tbody>\n";
  SideTable table(out, pair);
  for (const Piece& piece : pieces) {
    table.add(piece);
  }
  table.flush();
  out << "</tbody></table></div>\n";
}

std::string similarity_percent(double value) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(1) << value * 100.0 << "%";
  return text.str();
}

void write_summary(std::ostream& out, const PairView& pair) {
  const diff::Stats& s = pair.result->stats;
  out << "<p class=\"stats\"><span class=\"n-ins\">+" << s.words_added << " added</span> <span class=\"n-del\">−"
      << s.words_removed << " removed</span> <span class=\"n-mov\">" << s.words_moved << " moved</span> <span>"
      << similarity_percent(s.similarity) << " similar</span></p>\n";
  if (const auto& cut = pair.result->truncation) {
    std::string_view longer = cut->a_is_shorter ? pair.b : pair.a;
    int shorter_number = cut->a_is_shorter ? pair.number_a : pair.number_b;
    int longer_number = cut->a_is_shorter ? pair.number_b : pair.number_a;
    out << "<p class=\"cutnote\"><strong>v" << shorter_number << " is cut off.</strong> It stops after “…"
        << html_escape(last_words(longer.substr(0, cut->stops_at), 6)) << "”; v" << longer_number << " goes on for "
        << cut->missing_words << " more word" << (cut->missing_words == 1 ? "" : "s") << " (" << cut->missing_bytes
        << " bytes), shown below as missing.</p>\n";
  }
}

}  // namespace

void write_pair_html(std::ostream& out, const PairView& pair) {
  out << "<article class=\"pair" << (pair.consecutive ? "" : " extra") << "\" id=\"" << html_escape(pair.id) << "\">\n"
      << "<h3>v" << pair.number_a << " → v" << pair.number_b << "</h3>\n";
  write_summary(out, pair);
  if (!pair.result->differs() && !pair.result->truncation) {
    out << "<p class=\"same\">No word changes (only white space or typography differs).</p>\n</article>\n";
    return;
  }
  std::vector<Piece> pieces = build_pieces(pair);
  if (pair.collapse) {
    pieces = collapsed(pieces);
  }
  write_inline(out, pieces, pair);
  write_side(out, pieces, pair);
  out << "</article>\n";
}

}  // namespace stet::cli
