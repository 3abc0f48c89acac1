#pragma once
// The word-level diff of two texts: an edit script of equal, deleted and
// inserted byte ranges that rebuilds both sides exactly, with moved text,
// whitespace-only and typographic differences marked, statistics and the
// point where one side stops when it is a cut-off copy of the other.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace stet::diff {

enum class OpKind : std::uint8_t { equal, remove, insert };

// Why a delete/insert pair does not count as a change when it is ignored.
enum class Minor : std::uint8_t {
  none,        // a real change
  whitespace,  // only white space differs (re-wrapped lines, spacing)
  typography,  // only quotes, dashes, spaces, ligatures or ellipses differ
};

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] std::size_t size() const { return end - begin; }
  [[nodiscard]] bool empty() const { return begin == end; }
};

// One step of the edit script. `a` is the range in side A (empty for an
// insert, at the position where it happens), `b` the range in side B (empty
// for a remove). Equal ops hold the same bytes on both sides. A `move` id
// above 0 marks text that moved: the remove ops at the old place and the
// insert ops at the new place carry the same id. A pair of remove+insert
// ops with a `minor` reason is a difference the options say to ignore.
struct Op {
  OpKind kind = OpKind::equal;
  Span a;
  Span b;
  int move = 0;
  Minor minor = Minor::none;
};

struct Options {
  bool ignore_whitespace = true;   // white space runs compare equal (marked Minor::whitespace)
  bool ignore_typography = false;  // typographic variants compare equal (marked Minor::typography)
  bool detect_moves = true;        // moved sentences and paragraphs become moves
  bool cleanup = true;             // merge equalities made of only spaces and punctuation into changes
  bool count_all_words = true;     // fill words_a, words_b and similarity (a pass over all the text)
  unsigned threads = 2;            // large texts are diffed on up to this many threads (same ops; 1: this one only)
};

struct Stats {
  std::size_t words_a = 0;  // 0 unless Options::count_all_words
  std::size_t words_b = 0;
  std::size_t words_added = 0;    // words in inserts, moves and minor changes excluded
  std::size_t words_removed = 0;  // words in removes, moves and minor changes excluded
  std::size_t words_moved = 0;    // words in moved text (counted once, on side B)
  std::size_t moves = 0;
  std::size_t whitespace_changes = 0;  // minor pairs, when ignored
  std::size_t typography_changes = 0;
  double similarity = 1.0;  // 2 * unchanged-or-moved words / (words_a + words_b); 1 when both empty
                            // (and unless Options::count_all_words)
};

// One side ends where the other goes on: the shorter side is a prefix of
// the longer one, up to the changes before that point.
struct Truncation {
  bool a_is_shorter = false;  // false: B stops early (the usual cut-off copy)
  std::size_t stops_at = 0;   // byte offset in the longer side where the shorter one stops
  std::size_t missing_words = 0;
  std::size_t missing_bytes = 0;
};

struct DiffResult {
  std::vector<Op> ops;
  Stats stats;
  std::optional<Truncation> truncation;

  // Whether any op is a real change (not equal and not minor).
  [[nodiscard]] bool differs() const;
};

// The word diff of `a` and `b`. Concatenating the text of the equal and
// remove ops gives `a`; equal and insert ops give `b`. The ops refer to
// the inputs by offset: keep them alive to render. REQUIRES: valid UTF-8
// (other bytes are compared as punctuation, never lost).
[[nodiscard]] DiffResult word_diff(std::string_view a, std::string_view b, const Options& options = {});

// The bytes an op stands for (side A for equal and remove, B for insert).
[[nodiscard]] std::string_view op_text(const Op& op, std::string_view a, std::string_view b);

}  // namespace stet::diff
