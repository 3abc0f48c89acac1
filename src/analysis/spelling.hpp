#pragma once
// Whether a word exists, by the system's hunspell dictionaries: tells a
// last word that exists from one that was cut ("Arbeitgebe", "integ").
// Dictionaries are loaded lazily, once per language and process, only
// when a word has to be looked up; a missing dictionary is no error.

#include <filesystem>
#include <string_view>

namespace stet::analysis {

enum class Spelling { known, unknown, no_dictionary };

// Looks `word` up in the dictionary of `language` ("en", "de", "fr", "es",
// "nl", "pt", "ru", "sv"): `<dir>/<name>.aff` and `.dic`, with dir
// $STET_DICTIONARY_DIR when set, else /usr/share/hunspell, and name en_US,
// de_DE, fr_FR (or fr), es_ES, nl_NL (or nl), pt_BR, ru_RU, sv_SE.
// no_dictionary when the language has none there.
[[nodiscard]] Spelling spell_word(std::string_view language, std::string_view word);

// The same, looking in `dir` (the cache is per directory and language).
[[nodiscard]] Spelling spell_word_in(const std::filesystem::path& dir, std::string_view language,
                                     std::string_view word);

}  // namespace stet::analysis
