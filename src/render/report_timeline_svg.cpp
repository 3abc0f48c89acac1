#include "render/report_timeline_svg.hpp"

#include "render/html_escape.hpp"
#include "render/report_sections.hpp"
#include "store/timestamp.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <ostream>

namespace stet::cli {

namespace {

constexpr double k_width = 960;
constexpr double k_height = 190;
constexpr double k_left = 24;
constexpr double k_right = 24;
constexpr double k_axis = 100;    // y of the time axis
constexpr double k_bar_max = 64;  // the tallest bar
constexpr double k_bar_width = 3;

struct Scale {
  long long first = 0;
  long long last = 0;
  std::size_t count = 1;

  // Even spacing when every time is the same (or unknown).
  [[nodiscard]] double x(long long t, std::size_t index) const {
    double span = k_width - k_left - k_right;
    if (last <= first) {
      return k_left + (count <= 1 ? span / 2 : span * static_cast<double>(index) / static_cast<double>(count - 1));
    }
    return k_left + span * static_cast<double>(t - first) / static_cast<double>(last - first);
  }
};

std::string num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

int year_of(long long t) {
  std::time_t seconds = static_cast<std::time_t>(t);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  return parts.tm_year + 1900;
}

long long start_of_year(int year) {
  std::tm parts{};
  parts.tm_year = year - 1900;
  parts.tm_mday = 1;
  return static_cast<long long>(timegm(&parts));
}

void write_years(std::ostream& out, const Scale& scale) {
  if (scale.last <= scale.first) {
    return;
  }
  int first = year_of(scale.first);
  int last = year_of(scale.last);
  int step = std::max(1, (last - first) / 12 + 1);
  for (int year = first + 1; year <= last; year += step) {
    double x = scale.x(start_of_year(year), 0);
    out << "<line class=\"yr\" x1=\"" << num(x) << "\" x2=\"" << num(x) << "\" y1=\"" << num(k_axis - 4) << "\" y2=\""
        << num(k_axis + 4) << "\"/><text class=\"yr\" x=\"" << num(x) << "\" y=\"" << num(k_height - 6) << "\">" << year
        << "</text>";
  }
}

double bar_height(std::size_t words, std::size_t most) {
  if (words == 0 || most == 0) {
    return 0;
  }
  return std::max(1.5, k_bar_max * std::sqrt(static_cast<double>(words) / static_cast<double>(most)));
}

// A capture error (an error or challenge page) first: its truncation check judged no text.
std::string mark_class(const analysis::VersionAssessment& check, bool capture_error) {
  if (capture_error) {
    return "err";
  }
  if (check.assessment.verdict == analysis::Verdict::truncated) {
    return "cut";
  }
  return check.size_drop ? "drop" : "ok";
}

std::string mark_title(const store::Version& v, const std::string& kind, const std::optional<std::string>& error,
                       const diff::Stats* step) {
  std::string title = "v" + std::to_string(v.number) + " · " +
                      display_time(v.ingest.retrieved_at.empty() ? v.ingest.ingested_at : v.ingest.retrieved_at);
  if (step != nullptr && !error) {
    title += " · +" + std::to_string(step->words_added) + " −" + std::to_string(step->words_removed) + " words";
  }
  title += kind == "err"    ? " · capture error: " + error.value_or("")
           : kind == "cut"  ? " · truncated"
           : kind == "drop" ? " · suspicious capture (size drop)"
                            : "";
  return html_escape(title);
}

void write_bars(std::ostream& out, double x, const diff::Stats& step, std::size_t most) {
  double up = bar_height(step.words_added, most);
  double down = bar_height(step.words_removed, most);
  if (up > 0) {
    out << "<rect class=\"add\" x=\"" << num(x - k_bar_width / 2) << "\" y=\"" << num(k_axis - 6 - up) << "\" width=\""
        << num(k_bar_width) << "\" height=\"" << num(up) << "\"/>";
  }
  if (down > 0) {
    out << "<rect class=\"rem\" x=\"" << num(x - k_bar_width / 2) << "\" y=\"" << num(k_axis + 6) << "\" width=\""
        << num(k_bar_width) << "\" height=\"" << num(down) << "\"/>";
  }
}

Scale make_scale(const ReportInput& input) {
  Scale scale;
  scale.count = input.versions.size();
  bool any = false;
  auto widen = [&](const store::Record& r) {
    if (auto t = observed_at(r)) {
      scale.first = any ? std::min(scale.first, *t) : *t;
      scale.last = any ? std::max(scale.last, *t) : *t;
      any = true;
    }
  };
  for (const store::Version& v : input.versions) {
    widen(v.ingest);
    std::for_each(v.sightings.begin(), v.sightings.end(), widen);
  }
  return scale;
}

std::size_t most_words(const std::vector<diff::Stats>& steps) {
  std::size_t most = 0;
  for (const diff::Stats& s : steps) {
    most = std::max({most, s.words_added, s.words_removed});
  }
  return most;
}

}  // namespace

std::optional<long long> observed_at(const store::Record& record) {
  for (const std::string* value : {&record.retrieved_at, &record.ingested_at}) {
    if (auto t = store::parse_rfc3339(*value)) {
      return t->seconds;
    }
  }
  return std::nullopt;
}

void write_timeline_svg(std::ostream& out, const ReportInput& input, const std::vector<diff::Stats>& steps) {
  Scale scale = make_scale(input);
  std::size_t most = most_words(steps);
  out << "<figure class=\"chart\"><svg viewBox=\"0 0 " << num(k_width) << " " << num(k_height)
      << "\" role=\"img\" aria-label=\"timeline of " << input.versions.size() << " versions\">"
      << "<line class=\"axis\" x1=\"" << num(k_left) << "\" x2=\"" << num(k_width - k_right) << "\" y1=\""
      << num(k_axis) << "\" y2=\"" << num(k_axis) << "\"/>";
  write_years(out, scale);
  for (std::size_t i = 0; i < input.versions.size(); ++i) {
    const store::Version& v = input.versions[i];
    double x = scale.x(observed_at(v.ingest).value_or(scale.first), i);
    for (const store::Record& s : v.sightings) {
      double sx = scale.x(observed_at(s).value_or(scale.first), i);
      out << "<line class=\"seen\" x1=\"" << num(sx) << "\" x2=\"" << num(sx) << "\" y1=\"" << num(k_axis - 3)
          << "\" y2=\"" << num(k_axis + 3) << "\"><title>v" << v.number << " seen again</title></line>";
    }
    const diff::Stats* step = i == 0 || i > steps.size() ? nullptr : &steps[i - 1];
    bool error = is_capture_error(input, i);
    if (step != nullptr && !error) {
      write_bars(out, x, *step, most);
    }
    std::string kind = mark_class(input.checks[i], error);
    std::optional<std::string> why = error ? input.capture_errors[i] : std::nullopt;
    out << "<a href=\"#v" << v.number << "\"><circle class=\"" << kind << "\" cx=\"" << num(x) << "\" cy=\""
        << num(k_axis) << "\" r=\"4\"><title>" << mark_title(v, kind, why, step) << "</title></circle>";
    if (kind != "ok") {
      out << "<text class=\"" << kind << "\" x=\"" << num(x) << "\" y=\"" << num(k_axis - 10 - k_bar_max) << "\">"
          << (kind == "cut"   ? "✂"
              : kind == "err" ? "✕"
                              : "!")
          << "</text>";
    }
    out << "</a>";
  }
  out << "</svg><figcaption>Each dot is a version at the time it was retrieved (else ingested); ticks are "
      << "sightings of the same bytes again. Bars: <span class=\"n-ins\">words added</span> above, "
      << "<span class=\"n-del\">words removed</span> below (square-root scale, largest change " << most
      << " words). <span class=\"cutmark\">✂</span> truncated, <span class=\"dropmark\">!</span> "
      << "suspicious capture";
  if (std::any_of(input.capture_errors.begin(), input.capture_errors.end(),
                  [](const std::optional<std::string>& e) { return e.has_value(); })) {
    out << ", <span class=\"errmark\">✕</span> capture error (an error, challenge, consent or login page: no bars, "
        << "the next good capture is compared with the one before it)";
  }
  out << ".</figcaption></figure>\n";
}

}  // namespace stet::cli
