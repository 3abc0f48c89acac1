#include "analysis/language.hpp"
#include "analysis/spelling.hpp"
#include "analysis/truncation.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

TEST_SUITE_BEGIN("unit");

namespace an = stet::analysis;

namespace {

bool has_dictionary(const char* name) {
  return std::filesystem::exists(std::string("/usr/share/hunspell/") + name + ".dic");
}

}  // namespace

TEST_CASE("analysis::guess_language") {
  CHECK(an::guess_language("The council met and agreed that the members of the union are bound by this text, and "
                           "that it is for them to say so.") == "en");
  CHECK(an::guess_language("Der Arbeitgeber darf einen Arbeitnehmer nicht benachteiligen, weil dieser die Rechte "
                           "nach diesem Gesetz in Anspruch nimmt und die Frist für den Antrag nicht mit dem Tag "
                           "der Zustellung beginnt.") == "de");
  CHECK(an::guess_language("Le conseil est d'avis que les membres de l'union sont tenus par ce texte et qu'il "
                           "appartient à eux de le dire dans une lettre pour le public qui le demande.") == "fr");
  CHECK_FALSE(an::guess_language("Appendix A"));  // too few words to tell
}

TEST_CASE("analysis::spell_word") {
  if (!has_dictionary("de_DE") || !has_dictionary("en_US")) {
    MESSAGE("hunspell dictionaries not installed: skipped");
    return;
  }
  CHECK(an::spell_word("de", "Arbeitgeber") == an::Spelling::known);
  CHECK(an::spell_word("de", "Arbeitgebe") == an::Spelling::unknown);
  CHECK(an::spell_word("en", "integrity") == an::Spelling::known);
  CHECK(an::spell_word("en", "integ") == an::Spelling::unknown);
  CHECK(an::spell_word("xx", "integ") == an::Spelling::no_dictionary);
  stet::test::TempDir empty;
  CHECK(an::spell_word_in(empty.path(), "en", "integ") == an::Spelling::no_dictionary);
}

TEST_CASE("a last word cut short is found by the dictionary, and skipped without one") {
  const std::string text =
      "### § 5 Benachteiligungsverbot\n\nDer Unternehmer darf einen Arbeitnehmer nicht benachteiligen, weil "
      "dieser die Rechte nach diesem Gesetz in Anspruch nimmt. Die Frist für den Antrag beginnt nicht mit dem "
      "Tag der Zustellung.\n\n### § 6 Förderung\n\nDer Arbeitgebe";
  if (!has_dictionary("de_DE")) {
    MESSAGE("hunspell dictionary de_DE not installed: skipped");
    return;
  }
  an::Assessment a = an::assess_text(text);
  CHECK(a.verdict == an::Verdict::truncated);
  CHECK(a.reasons.front().code == "ends-mid-word");
  CHECK(a.reasons.front().message == "the last word 'Arbeitgebe' is not a word of the de dictionary: it looks cut");
  an::Assessment whole = an::assess_text(text + "r");
  CHECK(whole.verdict == an::Verdict::complete);
}

TEST_SUITE_END();
