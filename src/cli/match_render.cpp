#include "cli/match_render.hpp"

#include "render/render.hpp"
#include "render/visible.hpp"

#include <cstdio>
#include <ostream>

namespace stet::cli {

namespace {

// Record metadata shown to the user goes through here (one point to make
// control characters visible).
std::string shown_name(const std::string& value) { return visible(value); }

std::string match_percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
  return buf;
}

std::string match_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out + "'";
}

std::string match_range_text(const match::Range& r) { return std::to_string(r.begin) + "-" + std::to_string(r.end); }

nlohmann::json match_range_json(const match::Range& r) { return {{"begin", r.begin}, {"end", r.end}}; }

nlohmann::json match_missing_json(const std::optional<match::Missing>& m, const char* context_key) {
  if (!m) {
    return nullptr;
  }
  return {{"missing_words", m->words}, {"offset", m->offset}, {context_key, m->context}};
}

void print_match_changes(std::ostream& out, const MatchCandidate& c, std::string_view query, std::string_view indent) {
  const match::Alignment& a = c.alignment;
  if (a.changes.empty()) {
    out << indent << "altered    none\n";
    return;
  }
  out << indent << "altered    " << plural(a.altered_words(), "word") << " in " << plural(a.changes.size(), "place")
      << "\n";
  std::string_view cand = c.text;
  for (const match::Change& ch : a.changes) {
    std::string_view was = cand.substr(ch.candidate.begin, ch.candidate.end - ch.candidate.begin);
    std::string_view now = query.substr(ch.query.begin, ch.query.end - ch.query.begin);
    out << indent << "  candidate " << match_range_text(ch.candidate) << " " << match_quoted(was) << " -> query "
        << match_range_text(ch.query) << " " << match_quoted(now) << "\n";
  }
}

void print_match_candidate(std::ostream& out, std::size_t rank, const MatchCandidate& c, std::string_view query) {
  const match::Alignment& a = c.alignment;
  out << "  " << rank << ". " << shown_name(candidate_name(c)) << "  " << match::verdict_name(c.verdict) << "\n";
  out << "     sha256     " << c.version.sha256.hex() << "\n";
  out << "     query      " << match_percent(a.query_share()) << " of its " << plural(a.query_words, "word")
      << " found in order\n";
  out << "     candidate  " << match_percent(a.candidate_share()) << " covered (" << a.covered_words << " of "
      << plural(a.candidate_words, "word") << ")\n";
  for (const match::Region& r : a.regions) {
    out << "     region     query " << match_range_text(r.query) << " = candidate " << match_range_text(r.candidate)
        << "\n";
  }
  if (a.before) {
    out << "     starts at  " << match_quoted(a.before->context) << ": " << plural(a.before->words, "word")
        << " missing before\n";
  }
  if (a.after) {
    out << "     stops after " << match_quoted(a.after->context) << ": " << plural(a.after->words, "word")
        << " missing\n";
  }
  print_match_changes(out, c, query, "     ");
}

}  // namespace

std::string candidate_name(const MatchCandidate& c) {
  std::string name = c.doc + "@" + std::to_string(c.first);
  return c.last == c.first ? name : name + ".." + std::to_string(c.last);
}

std::string candidate_summary(const MatchCandidate& c) {
  const match::Alignment& a = c.alignment;
  std::string line = std::string(match::verdict_name(c.verdict)) + " of " + shown_name(candidate_name(c)) + ": " +
                     match_percent(a.query_share()) + " of its " + std::to_string(a.query_words) +
                     " words found in order, " + match_percent(a.candidate_share()) + " of the version covered";
  if (a.after) {
    line += ", stops " + plural(a.after->words, "word") + " short after " + match_quoted(a.after->context);
  }
  if (!a.changes.empty()) {
    line += ", " + plural(a.altered_words(), "word") + " altered";
  }
  return line;
}

void print_match_text(std::ostream& out, const std::string& name, std::string_view query,
                      const std::vector<MatchCandidate>& candidates) {
  if (candidates.empty() || candidates.front().verdict == match::Verdict::none) {
    out << name << ": none: no recorded text is its origin\n";
  } else {
    out << name << ": " << candidate_summary(candidates.front()) << "\n";
  }
  std::size_t rank = 0;
  for (const MatchCandidate& c : candidates) {
    print_match_candidate(out, ++rank, c, query);
  }
}

nlohmann::json candidate_json(const MatchCandidate& c, std::string_view query) {
  const match::Alignment& a = c.alignment;
  nlohmann::json regions = nlohmann::json::array();
  for (const match::Region& r : a.regions) {
    regions.push_back({{"query", match_range_json(r.query)}, {"candidate", match_range_json(r.candidate)}});
  }
  nlohmann::json changes = nlohmann::json::array();
  for (const match::Change& ch : a.changes) {
    changes.push_back({{"query", match_range_json(ch.query)},
                       {"candidate", match_range_json(ch.candidate)},
                       {"query_text", std::string(query.substr(ch.query.begin, ch.query.end - ch.query.begin))},
                       {"candidate_text", c.text.substr(ch.candidate.begin, ch.candidate.end - ch.candidate.begin)},
                       {"query_words", ch.query_words},
                       {"candidate_words", ch.candidate_words}});
  }
  return {{"doc", c.doc},
          {"versions", {{"first", c.first}, {"last", c.last}}},
          {"version", c.version.number},
          {"sha256", c.version.sha256.hex()},
          {"verdict", match::verdict_name(c.verdict)},
          {"query_words", a.query_words},
          {"candidate_words", a.candidate_words},
          {"matched_words", a.matched_words},
          {"covered_words", a.covered_words},
          {"query_share", a.query_share()},
          {"candidate_share", a.candidate_share()},
          {"regions", regions},
          {"altered", changes},
          {"altered_words", a.altered_words()},
          {"starts_after", match_missing_json(a.before, "starts_at")},
          {"stops_short", match_missing_json(a.after, "stops_after")}};
}

nlohmann::json match_json(const std::string& name, std::string_view query,
                          const std::vector<MatchCandidate>& candidates) {
  nlohmann::json list = nlohmann::json::array();
  for (const MatchCandidate& c : candidates) {
    list.push_back(candidate_json(c, query));
  }
  bool none = candidates.empty() || candidates.front().verdict == match::Verdict::none;
  return {{"query", name},
          {"verdict", none ? "none" : match::verdict_name(candidates.front().verdict)},
          {"candidates", list}};
}

}  // namespace stet::cli
