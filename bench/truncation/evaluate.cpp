// Measures truncation detection on real prose: false positives on complete
// documents and recall on the same documents cut inside sentences, by
// language and by how the document ends, on the tuning half and the
// held-out half of the documents.
//   truncation_eval --corpus DIR [--extra DIR]... [--cuts N] [--seed S] [--verbose]

#include "analysis/truncation.hpp"
#include "corpus.hpp"
#include "versions.hpp"

#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace an = stet::analysis;
namespace sb = stet::bench;

namespace {

struct Tally {
  std::size_t docs = 0;
  std::size_t false_positives = 0;
  std::size_t cuts = 0;
  std::size_t caught = 0;
};

struct Options {
  std::filesystem::path corpus;
  std::vector<std::filesystem::path> extra;
  std::filesystem::path history;
  std::size_t history_cuts = 3;
  std::size_t cuts = 20;
  std::uint32_t seed = 20140317;
  bool verbose = false;
};

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) {
    return "-";
  }
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << 100.0 * static_cast<double>(part) / static_cast<double>(whole) << "%";
  return out.str();
}

void print_table(const std::string& title, const std::map<std::string, Tally>& rows) {
  std::cout << "\n| " << title << " | documents | false positives | FP rate | cut copies | caught | recall |\n";
  std::cout << "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  for (const auto& [key, t] : rows) {
    std::cout << "| " << key << " | " << t.docs << " | " << t.false_positives << " | "
              << percent(t.false_positives, t.docs) << " | " << t.cuts << " | " << t.caught << " | "
              << percent(t.caught, t.cuts) << " |\n";
  }
}

std::string tail(const std::string& text, std::size_t n) {
  std::string t = text.substr(text.size() > n ? text.size() - n : 0);
  for (char& c : t) {
    c = c == '\n' ? '|' : c;
  }
  return t;
}

void add(std::map<std::string, Tally>& rows, const std::string& key, const Tally& t) {
  Tally& r = rows[key];
  r.docs += t.docs;
  r.false_positives += t.false_positives;
  r.cuts += t.cuts;
  r.caught += t.caught;
}

Tally evaluate(const sb::Document& doc, const Options& options, std::size_t cuts, Tally& mid_word, Tally& at_word) {
  Tally t;
  t.docs = 1;
  an::Assessment whole = an::assess_text(doc.text);
  if (whole.verdict == an::Verdict::truncated) {
    ++t.false_positives;
    if (options.verbose) {
      std::cout << "FP " << doc.name << ": " << whole.reasons.front().code << " [" << tail(doc.text, 70) << "]\n";
    }
  }
  for (const sb::Cut& cut : sb::cuts_inside_sentences(doc.text, cuts, options.seed)) {
    std::string copy = doc.text.substr(0, cut.at);
    an::Assessment assessment = an::assess_text(copy);
    bool caught = assessment.verdict == an::Verdict::truncated;
    ++t.cuts;
    t.caught += caught ? 1 : 0;
    Tally& kind = cut.mid_word ? mid_word : at_word;
    ++kind.cuts;
    kind.caught += caught ? 1 : 0;
    if (!caught && options.verbose && !doc.held_out && doc.source != "history") {
      std::cout << "MISS " << doc.name << " @" << cut.at << " " << assessment.reasons.front().code << " ["
                << tail(copy, 90) << "]\n";
    }
  }
  return t;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value = i + 1 < argc ? argv[i + 1] : "";
    if (arg == "--corpus") {
      o.corpus = value, ++i;
    } else if (arg == "--extra") {
      o.extra.emplace_back(value), ++i;
    } else if (arg == "--history") {
      o.history = value, ++i;
    } else if (arg == "--cuts") {
      o.cuts = std::stoul(value), ++i;
    } else if (arg == "--seed") {
      o.seed = static_cast<std::uint32_t>(std::stoul(value)), ++i;
    } else if (arg == "--verbose") {
      o.verbose = true;
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  Options options = parse(argc, argv);
  auto docs = sb::load_documents(options.corpus, options.extra);
  std::size_t history_count = 0;
  if (!options.history.empty()) {
    auto history = sb::load_history(options.history);
    history_count = history.size();
    docs.insert(docs.end(), history.begin(), history.end());
  }
  if (docs.empty()) {
    std::cout << "no documents found under " << options.corpus << " (corpus absent): nothing to evaluate\n";
    return 0;
  }
  std::map<std::string, Tally> by_lang;
  std::map<std::string, Tally> by_ending;
  std::map<std::string, Tally> by_half;
  std::map<std::string, Tally> by_cut;
  std::map<std::string, Tally> by_source;
  for (const sb::Document& doc : docs) {
    Tally mid;
    Tally at;
    bool history = doc.source == "history";
    Tally t = evaluate(doc, options, history ? options.history_cuts : options.cuts, mid, at);
    add(by_source, doc.source + (doc.held_out ? ", evaluation half" : ", tuning half"), t);
    if (history) {
      continue;  // reported on its own: hundreds of near-identical revisions
    }
    add(by_lang, doc.lang, t);
    add(by_ending, doc.ending_class, t);
    add(by_half, doc.held_out ? "evaluation half" : "tuning half", t);
    add(by_half, "all", t);
    add(by_cut, "mid-word cut", mid);
    add(by_cut, "cut between words", at);
  }
  std::cout << docs.size() << " complete documents, up to " << options.cuts << " cuts each, seed " << options.seed
            << "\n";
  print_table("source", by_source);
  print_table("split (without history)", by_half);
  print_table("language", by_lang);
  print_table("ending class", by_ending);
  print_table("cut", by_cut);
  sb::EvalOptions eval{options.seed, options.cuts, 5, options.verbose};
  std::vector<sb::Document> history(docs.end() - static_cast<std::ptrdiff_t>(history_count), docs.end());
  std::vector<sb::Document> complete(docs.begin(), docs.end() - static_cast<std::ptrdiff_t>(history_count));
  sb::evaluate_revisions(history, eval);
  sb::evaluate_cut_versions(history, eval);
  sb::evaluate_reliability(complete, eval);
  return 0;
}
