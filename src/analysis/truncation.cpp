#include "analysis/truncation.hpp"

#include "analysis/ending.hpp"
#include "analysis/line_shape.hpp"
#include "analysis/tail_content.hpp"
#include "analysis/words.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace stet::analysis {

namespace {

constexpr std::array<std::size_t, 28> k_limits = {140,   200,   255,   256,   280,   500,   512,   1000,  1023, 1024,
                                                  2000,  2047,  2048,  4000,  4095,  4096,  5000,  8000,  8191, 8192,
                                                  10000, 16383, 16384, 32767, 32768, 65535, 65536, 100000};

// The last paragraph of `text` (after its last blank line).
std::string_view last_paragraph(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == ' ' || text[end - 1] == '\t')) {
    --end;
  }
  std::size_t blank = text.rfind("\n\n", end);
  std::size_t crlf = text.rfind("\n\r\n", end);
  std::size_t start =
      std::max(blank == std::string_view::npos ? 0 : blank + 2, crlf == std::string_view::npos ? 0 : crlf + 3);
  return text.substr(start, end - start);
}

// An opening bracket or quote in the last paragraph that is never closed.
std::optional<std::string> unclosed(std::string_view paragraph) {
  struct Pair {
    std::string_view open;
    std::string_view close;
  };
  for (const Pair& p : {Pair{"(", ")"}, Pair{"[", "]"}, Pair{"\u00AB", "\u00BB"}, Pair{"\u201C", "\u201D"}}) {
    std::size_t opens = 0;
    std::size_t closes = 0;
    for (std::size_t pos = paragraph.find(p.open); pos != std::string_view::npos;
         pos = paragraph.find(p.open, pos + 1)) {
      ++opens;
    }
    for (std::size_t pos = paragraph.find(p.close); pos != std::string_view::npos;
         pos = paragraph.find(p.close, pos + 1)) {
      ++closes;
    }
    // German quotes open with „ and close with “: count those as closers.
    if (p.open == "\u201C") {
      for (std::size_t pos = paragraph.find("\u201E"); pos != std::string_view::npos;
           pos = paragraph.find("\u201E", pos + 1)) {
        ++closes;
      }
    }
    if (opens > closes) {
      return std::string(p.open);
    }
  }
  return std::nullopt;
}

double noisy_or(const std::vector<Reason>& reasons) {
  double keep = 1;
  for (const Reason& r : reasons) {
    if (r.for_truncation) {
      keep *= 1 - r.weight;
    }
  }
  return 1 - keep;
}

double strongest_against(const std::vector<Reason>& reasons) {
  double best = 0;
  for (const Reason& r : reasons) {
    if (!r.for_truncation) {
      best = std::max(best, r.weight);
    }
  }
  return best;
}

void add_length_reason(std::vector<Reason>& reasons, std::size_t bytes, std::size_t chars) {
  if (is_common_limit(bytes)) {
    reasons.push_back(
        {"length-at-limit", "its length, " + std::to_string(bytes) + " bytes, is a common cut-off limit", 0.6, true});
  } else if (is_common_limit(chars)) {
    reasons.push_back({"length-at-limit",
                       "its length, " + std::to_string(chars) + " characters, is a common cut-off limit", 0.6, true});
  }
}

}  // namespace

bool is_common_limit(std::size_t length) {
  return std::find(k_limits.begin(), k_limits.end(), length) != k_limits.end();
}

std::string_view verdict_name(Verdict verdict) { return verdict == Verdict::truncated ? "truncated" : "complete"; }

void order_reasons(std::vector<Reason>& reasons, Verdict verdict) {
  std::stable_sort(reasons.begin(), reasons.end(), [&](const Reason& x, const Reason& y) {
    bool xs = x.for_truncation == (verdict == Verdict::truncated);
    bool ys = y.for_truncation == (verdict == Verdict::truncated);
    return xs != ys ? xs : x.weight > y.weight;
  });
}

Assessment decide(std::vector<Reason> reasons, std::string cut_after) {
  double toward = noisy_or(reasons);
  double against = strongest_against(reasons);
  Assessment a;
  a.verdict = toward >= 0.5 && toward > against ? Verdict::truncated : Verdict::complete;
  a.confidence = a.verdict == Verdict::truncated ? toward : std::max(0.5, against * (1 - toward / 2));
  a.confidence = std::clamp(a.confidence, 0.5, 1.0);
  order_reasons(reasons, a.verdict);
  a.reasons = std::move(reasons);
  a.cut_after = a.verdict == Verdict::truncated ? std::move(cut_after) : std::string();
  return a;
}

Assessment assess_text(std::string_view bytes) {
  std::vector<Reason> reasons;
  std::size_t tail = incomplete_utf8_tail(bytes);
  std::string_view text = bytes.substr(0, bytes.size() - tail);
  if (tail > 0) {
    reasons.push_back({"incomplete-utf8",
                       "the text stops inside a character (an incomplete UTF-8 sequence of " + std::to_string(tail) +
                           (tail == 1 ? " byte)" : " bytes)"),
                       0.97, true});
  }
  add_length_reason(reasons, bytes.size(), count_code_points(bytes));
  if (trim_line(text).empty()) {
    reasons.push_back({"empty", "the text is empty or blank", 0.95, true});
    return decide(std::move(reasons), "");
  }
  std::size_t chrome = chrome_tail_start(text);
  if (chrome != std::string_view::npos) {
    reasons.push_back({"ends-with-page-chrome",
                       "the text ends with page chrome ('" +
                           join_words(split_words(text.substr(chrome)), 0, word_count(text.substr(chrome))) +
                           "'): its ending is read before it",
                       0, false});
    text = text.substr(0, chrome);
  }
  EndingReading ending = read_ending(text);
  reasons.insert(reasons.end(), ending.reasons.begin(), ending.reasons.end());
  bool clean_end = std::any_of(ending.reasons.begin(), ending.reasons.end(),
                               [](const Reason& r) { return !r.for_truncation && r.weight >= 0.75; });
  if (!clean_end) {
    if (auto open = unclosed(last_paragraph(text))) {
      reasons.push_back({"unbalanced", "an opening '" + *open + "' in the last paragraph is never closed", 0.5, true});
    }
  }
  return decide(std::move(reasons), ending.cut_after);
}

}  // namespace stet::analysis
