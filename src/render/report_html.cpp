#include "render/report_html.hpp"

#include "render/html_escape.hpp"
#include "render/pair_truncation.hpp"
#include "render/report_assets.hpp"
#include "render/report_diff_html.hpp"
#include "render/report_sections.hpp"
#include "render/report_timeline_svg.hpp"
#include "store/digest.hpp"

#include <algorithm>
#include <ostream>

namespace stet::cli {

namespace {

std::string base64(const store::Digest::Bytes& bytes) {
  static constexpr std::string_view k_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned n = (unsigned{bytes[i]} << 16) | (unsigned{bytes[i + 1]} << 8) | unsigned{bytes[i + 2]};
    for (int shift = 18; shift >= 0; shift -= 6) {
      out += k_alphabet[(n >> shift) & 63U];
    }
  }
  if (i < bytes.size()) {
    unsigned n = unsigned{bytes[i]} << 16;
    bool two = i + 1 < bytes.size();
    n |= two ? unsigned{bytes[i + 1]} << 8 : 0U;
    out += k_alphabet[(n >> 18) & 63U];
    out += k_alphabet[(n >> 12) & 63U];
    out += two ? k_alphabet[(n >> 6) & 63U] : '=';
    out += '=';
  }
  return out;
}

// Nothing may load from anywhere; the one inline script runs because its
// hash is listed, so a script tag smuggled into the page would not.
std::string content_security_policy() {
  return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" +
         base64(store::sha256(report_script()).bytes()) + "'; base-uri 'none'; form-action 'none'";
}

void write_head(std::ostream& out, const ReportInput& input) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << content_security_policy() << "\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"" << html_escape(input.generator) << "\">\n"
      << "<title>" << html_escape(input.doc) << " — document history</title>\n"
      << "<style>" << report_css() << "</style>\n</head>\n";
}

using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;

// The diff of every pair, computed once: the timeline and the changes both use them.
std::vector<diff::DiffResult> diff_pairs(const ReportInput& input, const Pairs& pairs) {
  std::vector<diff::DiffResult> results;
  results.reserve(pairs.size());
  for (const auto& [older, newer] : pairs) {
    results.push_back(diff::word_diff(input.texts[older].text, input.texts[newer].text));
  }
  return results;
}

void write_pairs(std::ostream& out, const ReportInput& input, const ReportPairs& chosen,
                 std::vector<diff::DiffResult>& results) {
  const Pairs& pairs = chosen.pairs;
  write_change_controls(out, input, pairs, chosen.shown);
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    auto [older, newer] = pairs[k];
    const std::string& a = input.texts[older].text;
    const std::string& b = input.texts[newer].text;
    diff::DiffResult& result = results[k];  // judge_diff_pair sets its truncation finding
    PairView view;
    view.number_a = input.versions[older].number;
    view.number_b = input.versions[newer].number;
    judge_diff_pair(result, a, view.number_a, b, view.number_b);
    view.id = pair_id(view.number_a, view.number_b);
    view.a = a;
    view.b = b;
    view.result = &result;
    view.consecutive = k < chosen.shown;
    view.collapse = !input.full;
    write_pair_html(out, view);
  }
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> report_pairs(std::size_t count) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 1; i < count; ++i) {
    pairs.emplace_back(i - 1, i);
  }
  if (count > k_all_pairs_max_versions) {
    return pairs;
  }
  for (std::size_t older = 0; older + 2 < count; ++older) {
    for (std::size_t newer = older + 2; newer < count; ++newer) {
      pairs.emplace_back(older, newer);
    }
  }
  return pairs;
}

ReportPairs report_pairs(const std::vector<bool>& passed_over) {
  std::size_t count = passed_over.size();
  ReportPairs out;
  std::optional<std::size_t> good;
  for (std::size_t i = 0; i < count; ++i) {
    if (passed_over[i]) {
      continue;
    }
    if (good) {
      out.pairs.emplace_back(*good, i);
    }
    good = i;
  }
  out.shown = out.pairs.size();
  for (const auto& pair : report_pairs(count)) {
    if (std::find(out.pairs.begin(), out.pairs.begin() + static_cast<std::ptrdiff_t>(out.shown), pair) ==
        out.pairs.begin() + static_cast<std::ptrdiff_t>(out.shown)) {
      out.pairs.push_back(pair);
    }
  }
  return out;
}

bool is_capture_error(const ReportInput& input, std::size_t i) {
  return i < input.capture_errors.size() && input.capture_errors[i].has_value();
}

void write_report_html(std::ostream& out, const ReportInput& input) {
  write_head(out, input);
  out << "<body>\n<input type=\"radio\" name=\"view\" id=\"view-inline\" checked aria-label=\"inline view\">"
      << "<input type=\"radio\" name=\"view\" id=\"view-side\" aria-label=\"side-by-side view\">\n";
  write_masthead(out, input);
  out << "<main>\n";
  std::vector<bool> passed_over(input.versions.size());
  for (std::size_t i = 0; i < passed_over.size(); ++i) {
    passed_over[i] = is_capture_error(input, i);
  }
  ReportPairs chosen = report_pairs(passed_over);
  std::vector<diff::DiffResult> results = diff_pairs(input, chosen.pairs);
  // The shown pairs come first, each ending at a good capture: its step on the timeline.
  std::vector<diff::Stats> steps(input.versions.empty() ? 0 : input.versions.size() - 1);
  for (std::size_t k = 0; k < chosen.shown; ++k) {
    steps[chosen.pairs[k].second - 1] = results[k].stats;
  }
  write_timeline_svg(out, input, steps);
  write_timeline(out, input);
  out << "<section id=\"changes\">\n<h2>Changes</h2>\n";
  if (input.versions.size() < 2) {
    out << "<p>Only one version is recorded: there is nothing to compare yet.</p>\n";
  } else {
    write_pairs(out, input, chosen, results);
  }
  out << "</section>\n";
  write_fingerprints(out, input);
  out << "</main>\n<footer>Made by " << html_escape(input.generator) << " at " << html_escape(input.generated_at)
      << ". Everything on this page is in this one file; it loads nothing from elsewhere.</footer>\n"
      << "<script>" << report_script() << "</script>\n</body>\n</html>\n";
}

}  // namespace stet::cli
