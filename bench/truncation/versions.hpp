#pragma once
// The cross-version and calibration parts of the truncation evaluation:
// ordinary consecutive revisions (and the same revisions as crawls that
// pick up page chrome), cut copies judged against the document's other
// versions, and the reliability of the reported confidence.

#include "corpus.hpp"

#include <cstdint>
#include <vector>

namespace stet::bench {

struct EvalOptions {
  std::uint32_t seed = 20140317;
  std::size_t cuts = 20;          // inside-sentence cuts per complete document (reliability)
  std::size_t sentence_cuts = 5;  // cuts at sentence ends per complete document (reliability)
  bool verbose = false;           // print the tuning half's errors
};

// Every revision of every history document, judged as `stet log` judges
// it; plain and as simulated crawls. Prints one table per half.
void evaluate_revisions(const std::vector<Document>& history, const EvalOptions& options);

// Cut copies of revisions inside sentences, judged against the document's
// earlier versions: caught and missing words counted. Prints per half.
void evaluate_cut_versions(const std::vector<Document>& history, const EvalOptions& options);

// The reliability table of lone verdicts: complete documents (weight 1
// each) against their cut copies (weight 1 per document: 0.8 spread over
// inside-sentence cuts, 0.2 over cuts at sentence ends). Prints per half.
void evaluate_reliability(const std::vector<Document>& docs, const EvalOptions& options);

}  // namespace stet::bench
