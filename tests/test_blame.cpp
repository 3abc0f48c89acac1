// Word-level blame on synthetic histories whose true origins are known:
// insertions, deletions, moved blocks, text that goes and comes back, and
// returns to a whole earlier version (property test, every word checked).

#include "analysis/blame.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("unit");

namespace an = stet::analysis;

namespace {

struct Word {
  std::string text;
  std::size_t origin = 0;
};

std::string render_words(const std::vector<Word>& words, std::mt19937& random) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += words[i].text;
    out += random() % 9 == 0 ? "\n" : " ";
  }
  return out;
}

// The origin of every word of the blamed text, from the runs.
std::vector<std::size_t> word_origins(const std::string& text, const std::vector<an::BlameRun>& runs) {
  std::vector<std::size_t> out;
  for (const an::BlameRun& run : runs) {
    bool in_word = false;
    for (std::size_t i = run.begin; i < run.end; ++i) {
      bool space = text[i] == ' ' || text[i] == '\n';
      if (!space && !in_word) {
        out.push_back(run.origin);
      }
      in_word = !space;
    }
  }
  return out;
}

class Generator {
 public:
  explicit Generator(unsigned seed) : m_random(seed) {}

  std::vector<Word> fresh(std::size_t n, std::size_t origin) {
    std::vector<Word> out;
    for (std::size_t i = 0; i < n; ++i) {
      out.push_back({"w" + std::to_string(m_next++), origin});
    }
    return out;
  }

  // The next version from `words`: one to three edits.
  std::vector<Word> edit(std::vector<Word> words, std::size_t origin) {
    int edits = 1 + static_cast<int>(m_random() % 3);
    for (int e = 0; e < edits; ++e) {
      switch (m_random() % 4) {
        case 0:
          insert(words, fresh(1 + m_random() % 6, origin));
          break;
        case 1:
          if (words.size() > 12) {
            std::size_t n = 5 + m_random() % 4;
            std::size_t at = m_random() % (words.size() - n);
            m_removed.emplace_back(words.begin() + static_cast<std::ptrdiff_t>(at),
                                   words.begin() + static_cast<std::ptrdiff_t>(at + n));
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(at),
                        words.begin() + static_cast<std::ptrdiff_t>(at + n));
          }
          break;
        case 2:
          if (words.size() > 20) {  // move a block
            std::size_t n = 5 + m_random() % 6;
            std::size_t at = m_random() % (words.size() - n);
            std::vector<Word> block(words.begin() + static_cast<std::ptrdiff_t>(at),
                                    words.begin() + static_cast<std::ptrdiff_t>(at + n));
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(at),
                        words.begin() + static_cast<std::ptrdiff_t>(at + n));
            insert(words, block);
          }
          break;
        default:
          if (!m_removed.empty()) {  // text that went comes back (unless it is back already)
            std::size_t pick = m_random() % m_removed.size();
            const std::vector<Word>& block = m_removed[pick];
            if (std::none_of(block.begin(), block.end(), [&](const Word& w) { return contains(words, w); })) {
              insert(words, block);
            }
            m_removed.erase(m_removed.begin() + static_cast<std::ptrdiff_t>(pick));
          }
      }
    }
    return words;
  }

  std::mt19937& random() { return m_random; }

 private:
  static bool contains(const std::vector<Word>& words, const Word& word) {
    return std::any_of(words.begin(), words.end(), [&](const Word& w) { return w.text == word.text; });
  }

  void insert(std::vector<Word>& words, const std::vector<Word>& block) {
    std::size_t at = words.empty() ? 0 : m_random() % (words.size() + 1);
    words.insert(words.begin() + static_cast<std::ptrdiff_t>(at), block.begin(), block.end());
  }

  std::mt19937 m_random;
  std::size_t m_next = 0;
  std::vector<std::vector<Word>> m_removed;
};

}  // namespace

TEST_CASE("analysis::Blamer attributes every word of synthetic histories (property)") {
  std::size_t words_checked = 0;
  std::size_t words_right = 0;
  for (unsigned seed = 1; seed <= 60; ++seed) {
    CAPTURE(seed);
    Generator gen(seed);
    std::deque<std::string> texts;  // stable addresses for the Blamer
    std::vector<std::vector<Word>> versions;
    std::vector<std::size_t> state_ids;
    an::Blamer blamer;
    versions.push_back(gen.fresh(40, 0));
    texts.push_back(render_words(versions[0], gen.random()));
    blamer.add(0, texts[0]);
    std::size_t current = 0;
    for (int step = 0; step < 25; ++step) {
      if (versions.size() > 2 && gen.random()() % 6 == 0) {
        current = gen.random()() % versions.size();  // a return to a whole earlier version
      } else {
        std::size_t id = versions.size();
        versions.push_back(gen.edit(versions[current], id));
        texts.push_back(render_words(versions[id], gen.random()));
        current = id;
      }
      blamer.add(current, texts[current]);
    }
    // Every word is a distinct token, so its true origin is the first
    // version (ids are in order of first observation) that held it.
    std::map<std::string, std::size_t> first_seen;
    for (std::size_t id = 0; id < versions.size(); ++id) {
      for (const Word& w : versions[id]) {
        first_seen.emplace(w.text, id);
      }
    }
    std::vector<std::size_t> got = word_origins(texts[current], blamer.runs(current));
    REQUIRE(got.size() == versions[current].size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      ++words_checked;
      words_right += got[i] == first_seen.at(versions[current][i].text) ? 1U : 0U;
    }
  }
  MESSAGE("blame attributed " << words_right << " of " << words_checked << " words right");
  // The target is every word; short fragments (under five words) that come
  // back at another place after their neighbours changed are still taken
  // for new text. Raise this floor as that improves.
  CHECK(words_right * 100 >= words_checked * 97);
}

TEST_CASE("analysis::Blamer") {
  std::string v1 = "The service is free for everyone and always will be.\n";
  std::string v2 = "The service is free for some and always will be.\n";
  an::Blamer blamer;
  blamer.add(0, v1);
  blamer.add(1, v2);
  blamer.add(0, v1);  // the flip-flop: v1 is back, with its own attribution
  auto runs = blamer.runs(0);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].origin == 0);
  CHECK(runs[0].begin == 0);
  CHECK(runs[0].end == v1.size() - 1);
  auto second = blamer.runs(1);
  REQUIRE(second.size() == 3);
  CHECK(second[1].origin == 1);
  CHECK(v2.substr(second[1].begin, second[1].end - second[1].begin) == "some");
  CHECK(blamer.runs(7).empty());
}

TEST_SUITE_END();
