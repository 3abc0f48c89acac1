// The matcher at scale (not a test): a store-sized set of versions made from
// the shared corpus's real texts, each document a chain of mutated versions
// (a few words changed per version, as real histories do), indexed into the
// SQLite match index; then queries through the same steps as `stet match`
// (fingerprints, postings, ranking, exact alignment). Texts are held in
// memory, so git reads are not in these figures (bench/match/accuracy.py
// measures the whole command).
//   match_scale --corpus ../shared/corpus --versions 100000 --queries 300

#include "index/match_index.hpp"
#include "match/alignment.hpp"
#include "match/candidates.hpp"
#include "match/fingerprint.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace m = stet::match;
using Clock = std::chrono::steady_clock;

namespace {

struct Args {
  fs::path corpus = "../shared/corpus";
  std::size_t versions = 100000;
  std::size_t queries = 300;
  fs::path index = "match-scale.sqlite";
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The start of each document's chain: every real revision of a history
// document, or one complete text (those not also in the history).
std::vector<std::vector<std::string>> load_bases(const fs::path& corpus) {
  std::vector<std::vector<std::string>> out;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(corpus / "history")) {
    if (entry.is_directory()) {
      dirs.push_back(entry.path());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path& dir : dirs) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
      files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    out.emplace_back();
    for (const fs::path& f : files) {
      out.back().push_back(slurp(f));
    }
  }
  std::vector<fs::path> complete;
  for (const auto& entry : fs::directory_iterator(corpus / "complete")) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".txt" && name.rfind("ghpolicy", 0) != 0 && name.rfind("wpcom", 0) != 0) {
      complete.push_back(entry.path());
    }
  }
  std::sort(complete.begin(), complete.end());
  for (const fs::path& f : complete) {
    out.push_back({slurp(f)});
  }
  return out;
}

// Replaces 1-8 words of `text` with words taken from elsewhere in it.
std::string mutate(const std::string& text, std::mt19937& rng) {
  std::string out = text;
  int edits = std::uniform_int_distribution<int>(1, 8)(rng);
  for (int e = 0; e < edits && out.size() > 100; ++e) {
    std::size_t at = out.find(' ', rng() % out.size());
    std::size_t from = out.find(' ', rng() % out.size());
    if (at == std::string::npos || from == std::string::npos) {
      continue;
    }
    std::size_t at_end = out.find_first_of(" \n", at + 1);
    std::size_t from_end = out.find_first_of(" \n", from + 1);
    if (at_end == std::string::npos || from_end == std::string::npos) {
      continue;
    }
    std::string word = out.substr(from + 1, from_end - from - 1);
    out.replace(at + 1, at_end - at - 1, word);
  }
  return out;
}

std::string make_query(const std::string& text, std::mt19937& rng) {
  std::istringstream in(text);
  std::vector<std::string> words{std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
  std::size_t n = std::min(words.size(), std::uniform_int_distribution<std::size_t>(20, 400)(rng));
  std::size_t start = words.size() > n ? rng() % (words.size() - n) : 0;
  std::string out;
  for (std::size_t i = start; i < start + n; ++i) {
    bool edit = rng() % 100 < 3;
    out += (edit ? std::string("zzedit") : words[i]) + (i % 12 == 11 ? "\n" : " ");
  }
  return out;
}

// CPU time of this thread: the machine is shared, and wall time mostly
// measures waiting for a core.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string key = argv[i];
    std::string value = argv[i + 1];
    if (key == "--corpus") {
      a.corpus = value;
    } else if (key == "--versions") {
      a.versions = std::stoul(value);
    } else if (key == "--queries") {
      a.queries = std::stoul(value);
    } else if (key == "--index") {
      a.index = value;
    }
  }
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse(argc, argv);
  std::vector<std::vector<std::string>> docs = load_bases(args.corpus);
  std::size_t per = std::max<std::size_t>(1, args.versions / docs.size());
  std::mt19937 rng(15);
  std::size_t text_bytes = 0;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    while (docs[d].size() < per) {
      docs[d].push_back(mutate(docs[d].back(), rng));
    }
    for (const std::string& t : docs[d]) {
      text_bytes += t.size();
    }
  }
  fs::remove(args.index);
  auto index = stet::index::MatchIndex::open(args.index);
  auto t0 = Clock::now();
  double c0 = cpu_ms();
  index.begin_write();
  std::size_t count = 0;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    std::vector<std::uint64_t> previous;
    for (std::size_t v = 0; v < docs[d].size(); ++v, ++count) {
      auto hashes = m::distinct_hashes(m::winnow(m::gram_hashes(m::text_words(docs[d][v]))));
      int number = static_cast<int>(v + 1);
      index.add_version("d" + std::to_string(d), {number, std::to_string(count), std::to_string(count)}, hashes,
                        previous);
      previous = std::move(hashes);
    }
  }
  index.commit();
  double build_ms = ms_since(t0);
  double build_cpu_ms = cpu_ms() - c0;
  auto index_bytes = fs::file_size(args.index);
  std::printf("versions %zu (%zu documents, about %zu each), text %.1f MB\n", count, docs.size(), per,
              static_cast<double>(text_bytes) / 1e6);
  std::printf(
      "index build %.1f s wall = %.0f versions/s; %.1f s CPU = %.0f versions/s; index %.1f MB = %.1f%% of the text\n",
      build_ms / 1000, static_cast<double>(count) / (build_ms / 1000), build_cpu_ms / 1000,
      static_cast<double>(count) / (build_cpu_ms / 1000), static_cast<double>(index_bytes) / 1e6,
      100.0 * static_cast<double>(index_bytes) / static_cast<double>(text_bytes));
  std::vector<double> lat;
  std::vector<double> cpu;
  std::size_t doc_ok = 0;
  for (std::size_t q = 0; q < args.queries; ++q) {
    std::size_t d = rng() % docs.size();
    std::size_t v = rng() % docs[d].size();
    std::string query = make_query(docs[d][v], rng);
    auto q0 = Clock::now();
    double qc0 = cpu_ms();
    auto hashes = m::distinct_hashes(m::winnow(m::gram_hashes(m::text_words(query))));
    auto lookup = [&](std::uint64_t h) { return index.postings(h); };
    auto ranked = m::rank_candidates(hashes, lookup, {}, 5);
    std::size_t best_doc = SIZE_MAX;
    std::size_t best_words = 0;
    for (const m::Candidate& c : ranked) {
      std::size_t doc = std::stoul(index.doc_name(c.doc)->substr(1));
      std::size_t last = std::min(docs[doc].size(), static_cast<std::size_t>(c.best.last));
      m::Alignment a = m::align_texts(docs[doc][last - 1], query);
      if (m::judge(a, false, false) != m::Verdict::none && a.matched_words > best_words) {
        best_words = a.matched_words;
        best_doc = doc;
      }
    }
    lat.push_back(ms_since(q0));
    cpu.push_back(cpu_ms() - qc0);
    doc_ok += best_doc == d;
  }
  std::sort(lat.begin(), lat.end());
  std::sort(cpu.begin(), cpu.end());
  if (!lat.empty()) {
    std::printf(
        "queries %zu: top-1 document %.1f%%, wall median %.2f ms, p99 %.2f ms; CPU median %.2f ms, p99 %.2f ms\n",
        lat.size(), 100.0 * static_cast<double>(doc_ok) / static_cast<double>(lat.size()), lat[lat.size() / 2],
        lat[(lat.size() - 1) * 99 / 100], cpu[cpu.size() / 2], cpu[(cpu.size() - 1) * 99 / 100]);
  }
  return 0;
}
