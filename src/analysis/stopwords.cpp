#include "analysis/stopwords.hpp"

#include <array>

namespace stet::analysis {

namespace {

struct WordList {
  std::string_view language;
  std::initializer_list<std::string_view> words;
};

// Chosen for precision: a text that stops on one of these without
// punctuation is mid-sentence in practice. Particles that commonly end
// sentences ("up", German "an") are left out. A data table, hence its length.
const std::array<WordList, 8>& lists() {
  static const std::array<WordList, 8> k_lists = {{
      {"en", {"the",     "a",       "an",      "of",      "and",      "or",        "nor",        "but",       "if",
              "than",    "because", "whereas", "whether", "although", "though",    "unless",     "whose",     "into",
              "onto",    "upon",    "toward",  "towards", "between",  "among",     "amongst",    "including", "via",
              "per",     "the",     "its",     "their",   "our",      "your",      "my",         "his",       "every",
              "each",    "any",     "such",    "this",    "these",    "those",     "from",       "with",      "within",
              "without", "under",   "during",  "against", "across",   "regarding", "concerning", "which",     "who",
              "whom",    "where",   "when",    "while",   "that",     "as",        "at",         "by",        "for",
              "to",      "is",      "are",     "was",     "were",     "be",        "will",       "shall",     "may",
              "must",    "can",     "should",  "would",   "could",    "has",       "have",       "had",       "not"}},
      {"fr",
       {"le",      "la",     "les",   "l",      "un",      "une",   "des", "du",   "de",   "d",    "au",    "aux",
        "à",       "et",     "ou",    "mais",   "donc",    "car",   "ni",  "que",  "qu",   "qui",  "dont",  "lorsque",
        "puisque", "quand",  "si",    "sur",    "sous",    "dans",  "par", "pour", "avec", "sans", "chez",  "vers",
        "entre",   "contre", "selon", "depuis", "pendant", "parmi", "son", "sa",   "ses",  "leur", "leurs", "notre",
        "nos",     "votre",  "vos",   "ce",     "cette",   "ces",   "est", "sont"}},
      {"de", {"der",    "die",   "das",    "den",    "dem",     "des",   "ein",   "eine",  "einen", "einem",    "einer",
              "eines",  "und",   "oder",   "aber",   "sondern", "denn",  "dass",  "daß",   "weil",  "wenn",     "ob",
              "als",    "wie",   "obwohl", "falls",  "sowie",   "bzw",   "für",   "von",   "vom",   "zur",      "zum",
              "im",     "am",    "beim",   "ins",    "mit",     "bei",   "nach",  "über",  "unter", "zwischen", "durch",
              "gegen",  "ohne",  "um",     "wegen",  "während", "gemäß", "nach",  "sein",  "seine", "seiner",   "ihre",
              "ihrer",  "ist",   "sind",   "wird",   "werden",  "hat",   "haben", "kann",  "muss",  "soll",     "darf",
              "dieser", "diese", "dieses", "diesem", "diesen",  "jeder", "jede",  "jedes", "in"}},
      {"es", {"el",      "la",     "los",   "las",   "un",      "una",      "unos",   "unas", "del",    "al",
              "de",      "y",      "e",     "o",     "u",       "pero",     "sino",   "que",  "porque", "aunque",
              "si",      "cuando", "donde", "en",    "con",     "sin",      "por",    "para", "sobre",  "entre",
              "hacia",   "hasta",  "desde", "según", "durante", "mediante", "contra", "su",   "sus",    "nuestro",
              "nuestra", "este",   "esta",  "estos", "estas",   "es",       "son"}},
      {"it", {"il",     "lo",  "la",     "i",      "gli",     "le",    "un",    "uno", "una",   "del",  "dello",
              "della",  "dei", "degli",  "delle",  "al",      "allo",  "alla",  "ai",  "agli",  "alle", "dal",
              "dalla",  "nel", "nello",  "nella",  "nei",     "negli", "nelle", "sul", "sulla", "di",   "da",
              "in",     "con", "su",     "per",    "tra",     "fra",   "e",     "ed",  "o",     "ma",   "che",
              "perché", "se",  "quando", "mentre", "sebbene", "è",     "sono"}},
      {"pt",
       {"o",      "a",   "os",     "as",   "um",    "uma",   "uns",  "umas",  "do",   "da",    "dos",   "das", "no",
        "na",     "nos", "nas",    "ao",   "aos",   "à",     "às",   "pelo",  "pela", "pelos", "pelas", "de",  "em",
        "com",    "sem", "por",    "para", "sobre", "entre", "até",  "desde", "e",    "ou",    "mas",   "que", "porque",
        "embora", "se",  "quando", "onde", "seu",   "sua",   "seus", "suas",  "é",    "são"}},
      {"nl", {"de",   "het",     "een",   "en",     "of",     "maar",    "want",    "dus",  "omdat", "dat",
              "die",  "wanneer", "als",   "hoewel", "indien", "van",     "voor",    "met",  "naar",  "bij",
              "tot",  "tussen",  "onder", "zonder", "tegen",  "volgens", "tijdens", "door", "over",  "zijn",
              "haar", "hun",     "ons",   "onze",   "uw",     "deze",    "dit",     "is",   "wordt", "worden"}},
      {"ru", {"и",   "или", "но",  "а",   "либо", "ни",  "что", "чтобы", "если",    "хотя",    "потому",  "так",
              "как", "в",   "во",  "на",  "с",    "со",  "к",   "ко",    "по",      "об",      "обо",     "от",
              "до",  "из",  "изо", "для", "без",  "при", "про", "через", "над",     "под",     "перед",   "между",
              "о",   "его", "её",  "их",  "этот", "эта", "это", "эти",   "который", "которая", "которые", "является"}},
  }};
  return k_lists;
}

}  // namespace

std::optional<std::string_view> non_final_word_language(std::string_view folded) {
  for (const WordList& list : lists()) {
    for (std::string_view word : list.words) {
      if (word == folded) {
        return list.language;
      }
    }
  }
  return std::nullopt;
}

}  // namespace stet::analysis
