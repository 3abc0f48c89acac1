#include "cli/verify_file.hpp"

#include "analysis/text_form.hpp"
#include "cli/capture_input.hpp"
#include "cli/doc_ref.hpp"
#include "cli/match_render.hpp"
#include "cli/match_store.hpp"
#include "render/visible.hpp"

#include <fstream>
#include <iterator>
#include <ostream>

namespace stet::cli {

namespace {

struct Candidate {
  std::string doc;
  store::Version version;
};

struct Verdict {
  std::string file;
  std::string match = "none";  // exact, normalized, nearest, none
  const Candidate* candidate = nullptr;
  std::string summary;
  std::optional<MatchCandidate> nearest;  // the matcher's best candidate, for "nearest"
};

std::string name_of(const Candidate& c) { return c.doc + "@" + std::to_string(c.version.number); }

// Exact and normalized answers come from the store's own records; only the
// nearest version is looked up through the match index, and it is then
// aligned against the version read from the store.
Verdict judge(const std::string& file, const std::string& bytes, const std::vector<Candidate>& all,
              const store::ContentStore& store) {
  Verdict verdict{file, "none", nullptr, "", std::nullopt};
  store::Digest sha = store::sha256(bytes);
  store::Digest normalized = store::sha256(analysis::normalized_text(bytes));
  for (const Candidate& c : all) {
    if (c.version.sha256 == sha) {
      return {file, "exact", &c, "is exactly " + name_of(c), std::nullopt};
    }
    if (!verdict.candidate && c.version.ingest.normalized_sha256 == normalized) {
      verdict = {file, "normalized", &c,
                 "is not a recorded version, but has the same text as " + name_of(c) +
                     " after normalization (spacing, line endings or Unicode forms differ)",
                 std::nullopt};
    }
  }
  if (verdict.candidate) {
    return verdict;
  }
  if (all.empty()) {
    verdict.summary = "is not a recorded version (the store is empty)";
    return verdict;
  }
  std::vector<MatchCandidate> found = match_query(store, bytes, {"", 1});
  if (found.empty() || found.front().verdict == match::Verdict::none) {
    verdict.summary = "is not a recorded version, and no recorded text is its origin (stet match finds none)";
    return verdict;
  }
  verdict.match = "nearest";
  verdict.summary = "is not a recorded version; nearest: " + candidate_summary(found.front());
  verdict.nearest = std::move(found.front());
  return verdict;
}

void print_verdict(std::ostream& out, const Verdict& v) {
  out << visible(v.file) << ": " << visible(v.summary) << "\n";
  if (v.match == "exact") {
    const store::Record& r = v.candidate->version.ingest;
    out << "  sha256     " << r.sha256.hex() << "\n";
    out << "  source     " << visible(or_unknown(r.source)) << "\n";
    out << "  retrieved  " << visible(or_unknown(r.retrieved_at)) << "\n";
    out << "  ingested   " << visible(r.ingested_at) << " by " << visible(r.ingested_by) << "\n";
    if (!v.candidate->version.sightings.empty()) {
      out << "  seen again " << v.candidate->version.sightings.size() << " times (stet log "
          << visible(v.candidate->doc) << ")\n";
    }
  }
}

nlohmann::json verdict_json(const Verdict& v, std::string_view bytes) {
  nlohmann::json object = {{"file", v.file}, {"match", v.match}, {"summary", v.summary}};
  if (v.candidate) {
    object["doc"] = v.candidate->doc;
    object["version"] = version_json(v.candidate->version);
  }
  if (v.nearest) {
    object["doc"] = v.nearest->doc;
    object["version"] = version_json(v.nearest->version);
    object["nearest"] = candidate_json(*v.nearest, bytes);
  }
  return object;
}

}  // namespace

ExitCode verify_files(Context& context, const std::vector<std::string>& files, Format format) {
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      throw UsageError("cannot read " + file);
    }
    inputs.emplace_back(file, std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
  }
  auto store = context.open_store();
  std::vector<Candidate> all;
  for (const store::DocumentSummary& doc : store.documents()) {
    for (store::Version& v : store.history(doc.id).value_or(std::vector<store::Version>{})) {
      all.push_back({doc.id, std::move(v)});
    }
  }
  bool every_exact = true;
  nlohmann::json array = nlohmann::json::array();
  for (const auto& [file, bytes] : inputs) {
    Verdict verdict = judge(file, bytes, all, store);
    every_exact = every_exact && verdict.match == "exact";
    if (format == Format::json) {
      array.push_back(verdict_json(verdict, bytes));
    } else {
      print_verdict(*context.out, verdict);
    }
  }
  if (format == Format::json) {
    write_json(*context.out, array);
  }
  return every_exact ? ExitCode::ok : ExitCode::differences;
}

}  // namespace stet::cli
