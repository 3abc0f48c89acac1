#include "versions.hpp"

#include "analysis/version_truncation.hpp"
#include "analysis/words.hpp"

#include <array>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>

namespace stet::bench {

namespace an = stet::analysis;

namespace {

std::string pct(double part, double whole) {
  if (whole <= 0) {
    return "-";
  }
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << 100.0 * part / whole << "%";
  return out.str();
}

std::string half_name(bool held_out) { return held_out ? "evaluation half" : "tuning half"; }

std::string doc_of(const Document& d) { return d.name.substr(0, d.name.find('/')); }

// The revisions of each history document, in order.
std::map<std::string, std::vector<const Document*>> by_document(const std::vector<Document>& history) {
  std::map<std::string, std::vector<const Document*>> docs;
  for (const Document& d : history) {
    docs[doc_of(d)].push_back(&d);
  }
  return docs;
}

// Page chrome a crawler picks up after a policy's text; one tail is drawn
// for each capture (or none). These strings are the examples of crawled
// endings named in docs/truncation.md.
const std::array<std::string, 6> k_chrome = {"\n\nShare this:\nTwitter\nFacebook\n\nLike this:\nLike Loading...\n",
                                             "\n\nRendered in 0.001 seconds\n",
                                             "\n\nPowered by WordPress.com.\n",
                                             "\n\nBlog at WordPress.com.\n",
                                             "\n\nmmmmmmmmmmlli\n",
                                             ""};

std::string tail_of(const std::string& text, std::size_t n) {
  std::string t = text.substr(text.size() > n ? text.size() - n : 0);
  for (char& c : t) {
    c = c == '\n' ? '|' : c;
  }
  return t;
}

// The words (tokens with a letter or digit) of `text` from byte `at` on;
// the word the cut falls inside counts as missing.
std::size_t words_from(const std::string& text, std::size_t at, bool mid_word) {
  std::size_t n = 0;
  for (const an::TextWord& w : an::split_words(text)) {
    bool after = w.offset >= at || (mid_word && w.offset + w.text.size() > at);
    n += after && !an::fold_word(w.text).empty() ? 1U : 0U;
  }
  return n;
}

struct Count {
  std::size_t total = 0;
  std::size_t flagged = 0;
};

void judge_history(const std::vector<an::VersionText>& texts, bool verbose, const std::string& name, Count& count) {
  auto assessed = an::assess_versions(texts);
  for (std::size_t i = 0; i < assessed.size(); ++i) {
    ++count.total;
    if (assessed[i].assessment.verdict == an::Verdict::truncated) {
      ++count.flagged;
      if (verbose) {
        std::cout << "REV-FP " << name << " v" << texts[i].number << ": "
                  << assessed[i].assessment.reasons.front().message << " [" << tail_of(texts[i].text, 60) << "]\n";
      }
    }
  }
}

}  // namespace

void evaluate_revisions(const std::vector<Document>& history, const EvalOptions& options) {
  std::map<std::string, Count> plain;
  std::map<std::string, Count> crawled;
  std::mt19937 generator(options.seed);
  for (const auto& [name, revisions] : by_document(history)) {
    std::vector<an::VersionText> texts;
    std::vector<an::VersionText> crawl;
    for (const Document* d : revisions) {
      int number = static_cast<int>(texts.size()) + 1;
      texts.push_back({number, "", d->text});
      crawl.push_back({number, "", d->text + k_chrome[generator() % k_chrome.size()]});
    }
    bool held = revisions.front()->held_out;
    bool verbose = options.verbose && !held;
    judge_history(texts, verbose, name, plain[half_name(held)]);
    judge_history(crawl, verbose, name + " (crawl)", crawled[half_name(held)]);
  }
  std::cout << "\n| ordinary consecutive revisions | revisions | called truncated | rate | as crawls: called truncated "
               "| rate |\n"
            << "| --- | ---: | ---: | ---: | ---: | ---: |\n";
  for (const auto& [half, c] : plain) {
    const Count& k = crawled[half];
    std::cout << "| " << half << " | " << c.total << " | " << c.flagged << " | "
              << pct(static_cast<double>(c.flagged), static_cast<double>(c.total)) << " | " << k.flagged << " | "
              << pct(static_cast<double>(k.flagged), static_cast<double>(k.total)) << " |\n";
  }
}

void evaluate_cut_versions(const std::vector<Document>& history, const EvalOptions& options) {
  struct CutCount {
    std::size_t cuts = 0;
    std::size_t caught = 0;
    std::size_t within = 0;  // missing words within 10% of the truth
  };
  std::map<std::string, CutCount> rows;
  for (const auto& [name, revisions] : by_document(history)) {
    std::vector<an::VersionText> texts;
    CutCount& row = rows[half_name(revisions.front()->held_out)];
    for (const Document* d : revisions) {
      texts.push_back({static_cast<int>(texts.size()) + 1, "", d->text});
      for (const Cut& cut :
           cuts_inside_sentences(d->text, 2, options.seed + static_cast<std::uint32_t>(texts.size()))) {
        std::vector<an::VersionText> with = texts;
        with.push_back({static_cast<int>(with.size()) + 1, "", d->text.substr(0, cut.at)});
        auto va = an::assess_version(with, with.size() - 1);
        std::size_t truth = words_from(d->text, cut.at, cut.mid_word);
        bool caught = va.assessment.verdict == an::Verdict::truncated && va.prefix && va.prefix->truncated;
        std::size_t counted = va.prefix ? va.prefix->missing_words : 0;
        ++row.cuts;
        row.caught += caught ? 1 : 0;
        row.within += caught && std::fabs(static_cast<double>(counted) - static_cast<double>(truth)) <=
                                    0.1 * static_cast<double>(truth)
                          ? 1
                          : 0;
        if (!caught && options.verbose && !revisions.front()->held_out) {
          std::cout << "CUT-MISS " << name << " @" << cut.at << "\n";
        }
      }
    }
  }
  std::cout << "\n| cut copies across versions | cut copies | truncated | caught | missing words within 10% |\n"
            << "| --- | ---: | ---: | ---: | ---: |\n";
  for (const auto& [half, r] : rows) {
    std::cout << "| " << half << " | " << r.cuts << " | " << r.caught << " | "
              << pct(static_cast<double>(r.caught), static_cast<double>(r.cuts)) << " | "
              << pct(static_cast<double>(r.within), static_cast<double>(r.cuts)) << " |\n";
  }
}

namespace {

struct Band {
  double right = 0;
  double all = 0;
  std::size_t verdicts = 0;
};

constexpr std::array<double, 5> k_band_floor = {0.5, 0.6, 0.7, 0.8, 0.9};

std::size_t band_of(double confidence) {
  std::size_t band = 0;
  for (std::size_t i = 0; i < k_band_floor.size(); ++i) {
    if (confidence + 1e-9 >= k_band_floor[i]) {
      band = i;
    }
  }
  return band;
}

void tally(std::array<Band, 5>& bands, const std::string& text, bool truth_cut, double weight, bool verbose) {
  an::Assessment a = an::assess_text(text);
  Band& b = bands[band_of(a.confidence)];
  if (verbose && (a.verdict == an::Verdict::truncated) != truth_cut && a.confidence < 0.6) {
    std::cout << "LOW " << a.confidence << " " << a.reasons.front().code << " [" << tail_of(text, 60) << "]\n";
  }
  b.all += weight;
  b.right += (a.verdict == an::Verdict::truncated) == truth_cut ? weight : 0;
  ++b.verdicts;
}

}  // namespace

void evaluate_reliability(const std::vector<Document>& docs, const EvalOptions& options) {
  std::map<std::string, std::array<Band, 5>> halves;
  for (const Document& d : docs) {
    auto& bands = halves[half_name(d.held_out)];
    bool verbose = options.verbose && !d.held_out;
    tally(bands, d.text, false, 1.0, verbose);
    auto inside = cuts_inside_sentences(d.text, options.cuts, options.seed);
    auto at_ends = cuts_at_sentence_ends(d.text, options.sentence_cuts, options.seed);
    for (const Cut& c : inside) {
      tally(bands, d.text.substr(0, c.at), true, 0.8 / static_cast<double>(inside.size()), verbose);
    }
    for (const Cut& c : at_ends) {
      tally(bands, d.text.substr(0, c.at), true, 0.2 / static_cast<double>(at_ends.size()), verbose);
    }
  }
  for (const auto& [half, bands] : halves) {
    std::cout << "\n| confidence band (" << half << ") | verdicts | weight | observed precision | lower bound met |\n"
              << "| --- | ---: | ---: | ---: | --- |\n";
    for (std::size_t i = 0; i < bands.size(); ++i) {
      const Band& b = bands[i];
      double upper = i + 1 < k_band_floor.size() ? k_band_floor[i + 1] : 1.0;
      bool met = b.all <= 0 || b.right / b.all + 1e-9 >= k_band_floor[i];
      std::cout << "| " << std::fixed << std::setprecision(1) << k_band_floor[i] << "-" << upper << " | " << b.verdicts
                << " | " << std::setprecision(1) << b.all << " | " << pct(b.right, b.all) << " | "
                << (b.all <= 0 ? "-"
                    : met      ? "yes"
                               : "NO")
                << " |\n";
    }
  }
}

}  // namespace stet::bench
