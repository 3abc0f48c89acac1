#pragma once
// (private) Writes a batch of new objects as one git pack without delta
// search. libgit2's pack builder always searches for deltas, which costs
// more than everything else in a large ingest; `git gc` can add deltas
// later.

#include "repo/git_handles.hpp"

namespace stet::store::git {

// Writes every object reachable from `commit` that `target` lacks, reading
// them from `repo` (which holds them, e.g. in memory), as one pack into
// `target`, fsynced with its index when fsync is enabled. Returns the
// number of objects written.
std::size_t write_missing_objects_as_pack(git_repository* repo, git_odb* target, const git_oid& commit);

}  // namespace stet::store::git
