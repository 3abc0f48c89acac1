// Fuzz target: truncation analysis (src/analysis/truncation and
// version_truncation). The input is split at its first 0xFF byte (else in
// half) into texts A and C; the versions are A, a prefix of A and C. The
// verdicts stay in their documented ranges, every reason has a code, a
// message and a weight in 0..1, cross-version evidence names another
// version, and the same input gives the same verdict twice.

#include "analysis/pair_judgement.hpp"
#include "analysis/truncation.hpp"
#include "analysis/version_truncation.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using stet::analysis::Assessment;
using stet::analysis::Reason;
using stet::analysis::VersionAssessment;

constexpr std::size_t k_max_text = 16384;

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

void check_assessment(const Assessment& a) {
  require(a.confidence >= 0.5 && a.confidence <= 1.0);
  require(a.verdict == stet::analysis::Verdict::truncated || a.cut_after.empty());
  for (const Reason& r : a.reasons) {
    require(!r.code.empty() && !r.message.empty() && r.weight >= 0.0 && r.weight <= 1.0);
  }
}

bool same(const Assessment& x, const Assessment& y) {
  if (x.verdict != y.verdict || x.confidence != y.confidence || x.cut_after != y.cut_after ||
      x.reasons.size() != y.reasons.size()) {
    return false;
  }
  for (std::size_t i = 0; i < x.reasons.size(); ++i) {
    const Reason& r = x.reasons[i];
    const Reason& s = y.reasons[i];
    if (r.code != s.code || r.message != s.message || r.weight != s.weight || r.for_truncation != s.for_truncation) {
      return false;
    }
  }
  return true;
}

void check_version(const std::vector<stet::analysis::VersionText>& versions, std::size_t index,
                   const VersionAssessment& v) {
  check_assessment(v.assessment);
  if (v.prefix) {
    require(v.prefix->of != versions[index].number && v.prefix->of >= 1 &&
            static_cast<std::size_t>(v.prefix->of) <= versions.size());
  }
  if (v.size_drop) {
    require(index > 0 && v.size_drop->previous == versions[index - 1].number);
    require(v.size_drop->bytes == versions[index].text.size() && v.size_drop->bytes < v.size_drop->previous_bytes);
    require(v.size_drop->ratio >= 0.0 && v.size_drop->ratio < 1.0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (size > k_max_text) {
    return 0;
  }
  Assessment lone = stet::analysis::assess_text(input);
  check_assessment(lone);
  require(same(lone, stet::analysis::assess_text(input)));

  std::size_t mark = input.find('\xff');
  std::size_t cut = mark == std::string_view::npos ? size / 2 : mark;
  std::string a(input.substr(0, cut));
  std::string c(input.substr(mark == std::string_view::npos ? cut : cut + 1));
  std::string prefix = a.substr(0, a.size() * 2 / 3);
  std::vector<stet::analysis::VersionText> versions = {{1, "", a}, {2, "", prefix}, {3, "", c}};
  std::vector<VersionAssessment> all = stet::analysis::assess_versions(versions);
  require(all.size() == versions.size());
  for (std::size_t i = 0; i < versions.size(); ++i) {
    check_version(versions, i, all[i]);
    require(same(all[i].assessment, stet::analysis::assess_version(versions, i).assessment));
  }
  // One judgement: a pair found cut means the shorter version's verdict is truncated.
  for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
    const auto& x = versions[i];
    const auto& y = versions[i + 1];
    auto pair = stet::analysis::judge_pair({x.number, "", x.text}, {y.number, "", y.text});
    if (pair) {
      const std::string& longer = pair->a_is_shorter ? y.text : x.text;
      require(pair->match.stops_at <= longer.size() &&
              pair->match.missing_bytes == longer.size() - pair->match.stops_at);
      if (pair->match.truncated) {
        require(all[pair->a_is_shorter ? i : i + 1].assessment.verdict == stet::analysis::Verdict::truncated);
      }
    }
  }
  return 0;
}
