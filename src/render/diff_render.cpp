#include "render/diff_render.hpp"

#include "render/diff_text.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"

#include <iomanip>
#include <ostream>
#include <sstream>

namespace stet::cli {

namespace {

using diff::Minor;
using diff::Op;
using diff::OpKind;

nlohmann::json stats_json(const diff::Stats& s) {
  return {{"words_a", s.words_a},
          {"words_b", s.words_b},
          {"words_added", s.words_added},
          {"words_removed", s.words_removed},
          {"words_moved", s.words_moved},
          {"moves", s.moves},
          {"whitespace_changes", s.whitespace_changes},
          {"typography_changes", s.typography_changes},
          {"similarity", std::round(s.similarity * 10000.0) / 10000.0}};
}

void render_json(std::ostream& out, const DiffView& view) {
  nlohmann::json ops = nlohmann::json::array();
  for (const Op& op : view.result->ops) {
    nlohmann::json item = {{"op", op.kind == OpKind::equal    ? "equal"
                                  : op.kind == OpKind::remove ? "delete"
                                                              : "insert"},
                           {"text", std::string(diff::op_text(op, view.a, view.b))}};
    if (op.move != 0) {
      item["move"] = op.move;
    }
    if (op.minor != Minor::none) {
      item["ignored"] = op.minor == Minor::whitespace ? "whitespace" : "typography";
    }
    ops.push_back(std::move(item));
  }
  nlohmann::json doc = {{"a", view.label_a},
                        {"b", view.label_b},
                        {"differs", view.result->differs()},
                        {"ops", std::move(ops)},
                        {"stats", stats_json(view.result->stats)}};
  if (!view.layout_note.empty()) {
    doc["layout_difference"] = view.layout_note;
  }
  doc["truncation"] = nullptr;
  if (const auto& t = view.result->truncation) {
    doc["truncation"] = {{"shorter", t->a_is_shorter ? "a" : "b"},
                         {"stops_at", t->stops_at},
                         {"stops_after", last_words((t->a_is_shorter ? view.b : view.a).substr(0, t->stops_at), 4)},
                         {"missing_words", t->missing_words},
                         {"missing_bytes", t->missing_bytes}};
  }
  write_json(out, doc);
}

std::string percent(double value) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(1) << value * 100.0 << "%";
  return text.str();
}

void render_stat(std::ostream& out, const DiffView& view) {
  const diff::Stats& s = view.result->stats;
  out << "words           " << s.words_a << " -> " << s.words_b << "\n";
  out << "words added     " << s.words_added << "\n";
  out << "words removed   " << s.words_removed << "\n";
  out << "words moved     " << s.words_moved << " (" << s.moves << (s.moves == 1 ? " move" : " moves") << ")\n";
  out << "similarity      " << percent(s.similarity) << "\n";
  if (s.whitespace_changes > 0) {
    out << "whitespace      " << s.whitespace_changes << (s.whitespace_changes == 1 ? " difference" : " differences")
        << " ignored\n";
  }
  if (s.typography_changes > 0) {
    out << "typography      " << s.typography_changes << (s.typography_changes == 1 ? " difference" : " differences")
        << " ignored (quotes, dashes, spaces)\n";
  }
  if (std::string note = truncation_note(view); !note.empty()) {
    out << "truncation      " << visible(note) << "\n";
  }
  if (!view.layout_note.empty()) {
    out << "differs         " << view.layout_note << "\n";
  }
  if (!view.shorter.empty()) {
    out << "shorter         " << visible(view.shorter) << "\n";
  }
}

}  // namespace

std::string last_words(std::string_view text, std::size_t count) {
  std::size_t at = text.size();
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '\r' || text[at - 1] == '\t')) {
    --at;
  }
  std::size_t end = at;
  for (std::size_t seen = 0; at > 0 && seen < count; --at) {
    if (text[at - 1] == ' ' || text[at - 1] == '\n') {
      ++seen;
      if (seen == count) {
        break;
      }
    }
  }
  std::string words(text.substr(at, end - at));
  for (char& c : words) {
    c = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
  }
  return words;
}

std::string truncation_note(const DiffView& view) {
  const auto& t = view.result->truncation;
  if (!t) {
    return "";
  }
  std::string_view longer = t->a_is_shorter ? view.b : view.a;
  std::string shorter_name = t->a_is_shorter ? "A" : "B";
  std::string longer_name = t->a_is_shorter ? "B" : "A";
  return shorter_name + " stops after \"..." + last_words(longer.substr(0, t->stops_at), 4) + "\"; " + longer_name +
         " goes on for " + std::to_string(t->missing_words) + " more word" + (t->missing_words == 1 ? "" : "s") + " (" +
         std::to_string(t->missing_bytes) + " bytes)";
}

void render_diff(std::ostream& out, const DiffView& view, DiffFormat format) {
  switch (format) {
    case DiffFormat::json:
      render_json(out, view);
      break;
    case DiffFormat::stat:
      render_stat(out, view);
      break;
    case DiffFormat::html:
      render_html(out, view);
      break;
    case DiffFormat::color:
    case DiffFormat::wdiff:
      render_text(out, view, format == DiffFormat::wdiff);
      break;
  }
}

}  // namespace stet::cli
