#pragma once
// The documents of the truncation evaluation and the cut copies made from
// them: complete texts from the shared corpus (with its language and
// ending class) and from extra folders of plain text (Debian packages).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace stet::bench {

struct Document {
  std::string name;
  std::string lang;          // from index.tsv; "en" for extra folders
  std::string ending_class;  // from index.tsv; for extra folders "sentence" or "other" by the last line
  std::string text;
  bool held_out =
      false;  // the evaluation half, never looked at while tuning (by a hash of the name; history: of the document)
  std::string source;  // "corpus", the extra folder's name, or "history"
};

// Reads `corpus/index.tsv` and its files, then every regular file of each
// `extra` folder whose content is not already present. Missing folders are
// skipped (the caller reports an empty set).
[[nodiscard]] std::vector<Document> load_documents(const std::filesystem::path& corpus,
                                                   const std::vector<std::filesystem::path>& extra);

// Every revision of every document under `history` (<doc>/NNN.txt): real
// complete texts, many near-duplicates, used to measure false positives.
[[nodiscard]] std::vector<Document> load_history(const std::filesystem::path& history);

struct Cut {
  std::size_t at = 0;     // byte offset: the copy is text[0, at)
  bool mid_word = false;  // letters on both sides of the cut
};

// Up to `count` distinct cut points inside sentences of `text`, drawn with
// a generator seeded by `seed`: inside a line (not after sentence
// punctuation), or at a line end when the next line continues the sentence
// in lowercase. Never in the first 40 bytes or the last sentence's end.
[[nodiscard]] std::vector<Cut> cuts_inside_sentences(const std::string& text, std::size_t count, std::uint32_t seed);

// Up to `count` cut points right after a sentence's final punctuation
// (not the text's last sentence), drawn with a generator seeded by `seed`:
// the cuts no reading of the ending alone can see.
[[nodiscard]] std::vector<Cut> cuts_at_sentence_ends(const std::string& text, std::size_t count, std::uint32_t seed);

}  // namespace stet::bench
