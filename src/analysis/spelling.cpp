#include "analysis/spelling.hpp"

#include <hunspell/hunspell.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace stet::analysis {

namespace {

struct HunspellFree {
  void operator()(Hunhandle* handle) const { Hunspell_destroy(handle); }
};
using HunspellPtr = std::unique_ptr<Hunhandle, HunspellFree>;

std::vector<std::string_view> dictionary_names(std::string_view language) {
  static const std::map<std::string_view, std::vector<std::string_view>> k_names = {
      {"en", {"en_US", "en_GB"}}, {"de", {"de_DE", "de_AT", "de_CH"}},
      {"fr", {"fr_FR", "fr"}},    {"es", {"es_ES", "es"}},
      {"nl", {"nl_NL", "nl"}},    {"pt", {"pt_BR", "pt_PT"}},
      {"ru", {"ru_RU"}},          {"sv", {"sv_SE", "sv_FI"}}};
  auto it = k_names.find(language);
  return it == k_names.end() ? std::vector<std::string_view>{} : it->second;
}

HunspellPtr load(const std::filesystem::path& dir, std::string_view language) {
  for (std::string_view name : dictionary_names(language)) {
    std::filesystem::path aff = dir / (std::string(name) + ".aff");
    std::filesystem::path dic = dir / (std::string(name) + ".dic");
    std::error_code ec;
    if (std::filesystem::is_regular_file(aff, ec) && std::filesystem::is_regular_file(dic, ec)) {
      HunspellPtr handle(Hunspell_create(aff.c_str(), dic.c_str()));
      // Words are looked up as UTF-8: a dictionary in another encoding is skipped.
      const char* encoding = handle ? Hunspell_get_dic_encoding(handle.get()) : nullptr;
      return encoding != nullptr && std::string_view(encoding) == "UTF-8" ? std::move(handle) : nullptr;
    }
  }
  return nullptr;
}

}  // namespace

Spelling spell_word_in(const std::filesystem::path& dir, std::string_view language, std::string_view word) {
  static std::mutex mutex;
  // Never destroyed: freeing a loaded dictionary's hundreds of thousands
  // of entries at exit took a tenth of a second and gave nothing back.
  static auto& cache = *new std::map<std::pair<std::string, std::string>, HunspellPtr>;
  std::lock_guard<std::mutex> lock(mutex);
  auto key = std::pair{dir.string(), std::string(language)};
  auto it = cache.find(key);
  if (it == cache.end()) {
    it = cache.emplace(key, load(dir, language)).first;
  }
  if (!it->second) {
    return Spelling::no_dictionary;
  }
  return Hunspell_spell(it->second.get(), std::string(word).c_str()) != 0 ? Spelling::known : Spelling::unknown;
}

Spelling spell_word(std::string_view language, std::string_view word) {
  const char* dir = std::getenv("STET_DICTIONARY_DIR");
  return spell_word_in(dir != nullptr && *dir != '\0' ? dir : "/usr/share/hunspell", language, word);
}

}  // namespace stet::analysis
