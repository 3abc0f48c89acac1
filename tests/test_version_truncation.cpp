#include "analysis/version_truncation.hpp"
#include "analysis/words.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("unit");

namespace an = stet::analysis;

namespace {

an::VersionText version(int number, std::string text) {
  return {number, std::string(64, static_cast<char>('0' + number)), std::move(text)};
}

const std::string k_whole = "Allies support the sovereignty and territorial integrity of Ukraine, and its borders.\n";

}  // namespace

TEST_CASE("analysis::prefix_match") {
  an::VersionText full = version(1, k_whole);
  SUBCASE("a proper prefix, white space ignored") {
    auto m = an::prefix_match("Allies support the sovereignty\nand   territorial integrity of", full);
    REQUIRE(m);
    CHECK(m->of == 1);
    CHECK(m->missing_words == 4);
    CHECK(m->cut_after == "territorial integrity of");
    CHECK(m->differing.empty());
  }
  SUBCASE("a glued ellipsis is a named difference") {
    auto m = an::prefix_match("Allies support the sovereignty and territorial integrity of\u2026", full);
    REQUIRE(m);
    CHECK(m->missing_words == 4);
    REQUIRE(m->differing.size() == 1);
    CHECK(m->differing[0] == "\u2026");
  }
  SUBCASE("a trailing 'Read more' is a named difference") {
    auto m = an::prefix_match("Allies support the sovereignty and territorial\n\nRead more", full);
    REQUIRE(m);
    CHECK(m->missing_words == 6);
    CHECK(m->differing == std::vector<std::string>{"Read", "more"});
  }
  SUBCASE("a word cut short") {
    auto m = an::prefix_match("Allies support the sovereignty and territorial integ", full);
    REQUIRE(m);
    CHECK(m->differing == std::vector<std::string>{"integ"});
    CHECK(m->cut_after == "sovereignty and territorial");
  }
  SUBCASE("an edited ending is not a prefix") {
    CHECK_FALSE(an::prefix_match("Allies support the sovereignty and territorial integrity of Crimea.", full));
    CHECK_FALSE(an::prefix_match("Allies support the sovereignty and independence of", full));
  }
  SUBCASE("the same words, or more words, are not a prefix") {
    CHECK_FALSE(an::prefix_match(k_whole, full));
    CHECK_FALSE(an::prefix_match(k_whole + " More.", full));
    CHECK_FALSE(an::prefix_match("", full));
  }
}

TEST_CASE("analysis::assess_version") {
  SUBCASE("a later version that is a prefix is a truncated copy") {
    std::vector<an::VersionText> versions = {version(1, stet::test::fixture_doc("nac-statement-original.txt")),
                                             version(2, stet::test::fixture_doc("nac-statement-republished.txt"))};
    an::VersionAssessment v2 = an::assess_version(versions, 1);
    CHECK(v2.assessment.verdict == an::Verdict::truncated);
    CHECK(v2.assessment.confidence == doctest::Approx(0.99));
    REQUIRE(v2.prefix);
    CHECK(v2.prefix->of == 1);
    CHECK_FALSE(v2.prefix->later);
    CHECK(v2.prefix->missing_words == 13);
    CHECK(v2.assessment.reasons.front().code == "truncated-copy");
    CHECK(v2.assessment.reasons.front().message ==
          "truncated copy of v1: 13 words missing after 'territorial integrity of'");
    an::VersionAssessment v1 = an::assess_version(versions, 0);
    CHECK(v1.assessment.verdict == an::Verdict::complete);
    CHECK_FALSE(v1.prefix);
  }
  SUBCASE("an earlier prefix was completed by a later version") {
    std::vector<an::VersionText> versions = {version(1, "The council met and agreed on"), version(2, k_whole),
                                             version(3, "The council met and agreed on a text.")};
    an::VersionAssessment v1 = an::assess_version(versions, 0);
    REQUIRE(v1.prefix);
    CHECK(v1.prefix->later);
    CHECK(v1.prefix->of == 3);
    CHECK(v1.assessment.reasons.front().code == "completed-later");
    CHECK(v1.assessment.verdict == an::Verdict::truncated);
  }
  SUBCASE("a clean earlier version a later one extended is a shorter version, not a cut") {
    std::vector<an::VersionText> versions = {
        version(1, "One sentence.\n"), version(2, "One sentence.\nThe second section adds new rules for members.\n")};
    an::VersionAssessment v1 = an::assess_version(versions, 0);
    CHECK(v1.assessment.verdict == an::Verdict::complete);
    REQUIRE(v1.prefix);
    CHECK_FALSE(v1.prefix->truncated);
    CHECK(v1.prefix->missing_words == 8);
    CHECK(an::prefix_message(*v1.prefix).starts_with("shorter than v2: it goes on with 'The second section"));
  }
  SUBCASE("a later version losing prose an earlier one had is truncated, less certain when it ends cleanly") {
    std::vector<an::VersionText> versions = {
        version(1, "One sentence.\nThe second section adds new rules for members.\n"), version(2, "One sentence.\n")};
    an::VersionAssessment v2 = an::assess_version(versions, 1);
    CHECK(v2.assessment.verdict == an::Verdict::truncated);
    CHECK(v2.assessment.confidence == doctest::Approx(0.85));
    CHECK(v2.assessment.reasons.front().code == "truncated-copy");
  }
  SUBCASE("a later capture that drops trailing page chrome and ends cleanly is complete, with a note") {
    std::string body = "We keep your data safe.\n";
    std::vector<an::VersionText> versions = {version(1, body + "\nLike this:\nLike Loading...\n"),
                                             version(2, body + "Rendered in 0.001 seconds\n"), version(3, body)};
    an::VersionAssessment v3 = an::assess_version(versions, 2);
    CHECK(v3.assessment.verdict == an::Verdict::complete);
    REQUIRE(v3.prefix);
    CHECK(v3.prefix->of == 2);
    CHECK_FALSE(v3.prefix->content_missing);
    CHECK(an::prefix_message(*v3.prefix) ==
          "shorter than v2: drops 'Rendered in 0.001 seconds' (4 words, not content)");
    an::VersionAssessment v1 = an::assess_version(versions, 0);
    CHECK(v1.assessment.verdict == an::Verdict::complete);  // its chrome ending is read before the chrome
  }
  SUBCASE("a shorter version that stops mid-sentence is cut even when only chrome-like words follow") {
    std::vector<an::VersionText> versions = {version(1, "We keep your data safe and share it with\nnobody.\n"),
                                             version(2, "We keep your data safe and share it")};
    CHECK(an::assess_version(versions, 1).assessment.verdict == an::Verdict::truncated);
  }
  SUBCASE("an ending the document's other versions share is its normal ending") {
    std::string closing = "Thank you for reading our policy and for trusting us with your data";
    std::vector<an::VersionText> versions = {version(1, "We collect your name.\n\n" + closing + "\n"),
                                             version(2, "We collect your e-mail address.\n\n" + closing + "\n")};
    an::VersionAssessment lone = an::assess_version({versions[1]}, 0);
    an::VersionAssessment both = an::assess_version(versions, 1);
    CHECK(both.assessment.verdict == an::Verdict::complete);
    CHECK(std::any_of(both.assessment.reasons.begin(), both.assessment.reasons.end(),
                      [](const an::Reason& r) { return r.code == "ends-like-other-versions"; }));
    CHECK(lone.assessment.verdict == an::Verdict::truncated);  // alone, a long line without a full stop
  }
  SUBCASE("a last line that ends many other documents of the store is boilerplate") {
    std::string text = "We collect your name and\nshare everything with partners for marketing\n";
    an::StoreEvidence store;
    store.documents = 10;
    store.ending_documents[an::ending_key(text)] = 4;
    std::vector<an::VersionText> versions = {version(1, text)};
    auto plain = an::assess_versions(versions);
    REQUIRE(plain[0].assessment.verdict == an::Verdict::truncated);
    CHECK(an::endings_worth_counting(versions, plain) == std::vector<std::string>{an::ending_key(text)});
    CHECK(an::assess_versions(versions, store)[0].assessment.verdict == an::Verdict::complete);
    store.ending_documents[an::ending_key(text)] = 2;  // below k_boilerplate_documents
    CHECK(an::assess_versions(versions, store)[0].assessment.verdict == an::Verdict::truncated);
  }
  SUBCASE("the closest fuller version is the one measured against") {
    std::vector<an::VersionText> versions = {version(1, k_whole), version(2, k_whole + "Second paragraph.\n"),
                                             version(3, "Allies support the sovereignty and")};
    an::VersionAssessment v3 = an::assess_version(versions, 2);
    REQUIRE(v3.prefix);
    CHECK(v3.prefix->of == 2);
    CHECK(v3.prefix->missing_words == 9);
  }
  SUBCASE("a large size drop is a suspicious capture") {
    std::string policy;
    for (int i = 0; i < 40; ++i) {
      policy += "Clause " + std::to_string(i) + " says what we may do with your data.\n";
    }
    std::vector<an::VersionText> versions = {version(1, policy), version(2, "404 Not Found\n")};
    an::VersionAssessment v2 = an::assess_version(versions, 1);
    REQUIRE(v2.size_drop);
    CHECK(v2.size_drop->previous == 1);
    CHECK(v2.size_drop->ratio < 0.01);
    CHECK(v2.assessment.verdict == an::Verdict::truncated);
    bool named = false;
    for (const an::Reason& r : v2.assessment.reasons) {
      named = named || (r.code == "suspicious-capture" && r.message.find("% of v1's") != std::string::npos);
    }
    CHECK(named);
    CHECK_FALSE(an::assess_version(versions, 0).size_drop);
  }
}

TEST_CASE("analysis::assess_versions") {
  // Property: for every cut after word k of a text, the cut version is a
  // truncated copy missing exactly the remaining words.
  std::string text = stet::test::fixture_doc("nac-statement-original.txt");
  auto words = an::split_words(text);
  for (std::size_t k = 1; k < words.size(); k += 7) {
    std::vector<an::VersionText> versions = {
        version(1, text), version(2, text.substr(0, words[k - 1].offset + words[k - 1].text.size()))};
    auto all = an::assess_versions(versions);
    CAPTURE(k);
    REQUIRE(all[1].prefix);
    CHECK(all[1].prefix->missing_words == words.size() - k);
    CHECK(all[1].assessment.verdict == an::Verdict::truncated);
    CHECK(all[0].assessment.verdict == an::Verdict::complete);
  }
}

TEST_SUITE_END();
