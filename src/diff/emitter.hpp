#pragma once
// Builds an edit script in order, merging each op into the previous one
// when they continue each other (same kind, move and minor reason).

#include "diff/word_diff.hpp"

#include <vector>

namespace stet::diff {

class Emitter {
 public:
  // REQUIRES: ops come in order: each starts where the last one of its side ended.
  void equal(Span a, Span b);
  void remove(Span a, int move = 0, Minor minor = Minor::none);
  void insert(Span b, int move = 0, Minor minor = Minor::none);
  // Adds an op built elsewhere (its own positions are replaced by the cursors).
  void add(const Op& op);

  [[nodiscard]] std::size_t a_pos() const { return m_a; }
  [[nodiscard]] std::size_t b_pos() const { return m_b; }
  [[nodiscard]] std::vector<Op> take() { return std::move(m_ops); }

 private:
  void push(const Op& op);

  std::vector<Op> m_ops;
  std::size_t m_a = 0;
  std::size_t m_b = 0;
};

}  // namespace stet::diff
