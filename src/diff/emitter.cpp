#include "diff/emitter.hpp"

#include <stdexcept>

namespace stet::diff {

void Emitter::equal(Span a, Span b) { push({OpKind::equal, a, b, 0, Minor::none}); }

void Emitter::remove(Span a, int move, Minor minor) { push({OpKind::remove, a, {m_b, m_b}, move, minor}); }

void Emitter::insert(Span b, int move, Minor minor) { push({OpKind::insert, {m_a, m_a}, b, move, minor}); }

void Emitter::add(const Op& op) {
  if (op.kind == OpKind::equal) {
    equal(op.a, op.b);
  } else if (op.kind == OpKind::remove) {
    remove(op.a, op.move, op.minor);
  } else {
    insert(op.b, op.move, op.minor);
  }
}

void Emitter::push(const Op& op) {
  if (op.a.begin != m_a || op.b.begin != m_b) {
    throw std::logic_error("diff ops out of order");
  }
  if (op.a.empty() && op.b.empty()) {
    return;
  }
  m_a = op.a.end;
  m_b = op.b.end;
  if (!m_ops.empty()) {
    Op& last = m_ops.back();
    if (last.kind == op.kind && last.move == op.move && last.minor == op.minor && last.a.end == op.a.begin &&
        last.b.end == op.b.begin) {
      last.a.end = op.a.end;
      last.b.end = op.b.end;
      return;
    }
  }
  m_ops.push_back(op);
}

}  // namespace stet::diff
