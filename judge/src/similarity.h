// Near-identical hand-ins, by winnowing (Schleimer, Wilkerson and Aiken,
// "Winnowing: local algorithms for document fingerprinting", SIGMOD 2003; the
// method behind MOSS): a file becomes its token stream without comments,
// white space or identifier names, every run of kGram tokens is hashed, and
// the smallest hash of every window of kWindow hashes is kept as a
// fingerprint. Fingerprints of the stub (the base code every learner starts
// from) are dropped, so shared boilerplate does not make two files alike.
//
// Two files whose remaining fingerprints overlap by at least the threshold
// (Jaccard) are near-identical; a renamed variable, reordered blank lines or
// rewritten comments do not change that, a different algorithm does.
//
// Why not an existing tool such as Dolos (npm) or MOSS: MOSS is a web
// service (class code would leave the machine) and Dolos needs Node.js at
// grading time on every node of a cluster; both answer in reports of their
// own. This is a hundred lines, runs offline, gives the same answer every
// run (so merged shards match) and sees the stub as base code.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace judge {

constexpr int kGram = 8;
constexpr int kWindow = 4;
// Files with fewer fingerprints than this (once the stub's are gone) are too
// small to compare: an untouched stub, a one-line change.
constexpr std::size_t kMinFingerprints = 8;

// C++ tokens: comments and white space dropped, identifiers other than
// keywords spelled "id", numbers "0", strings and characters '"'; so
// renaming does not hide a copy.
std::vector<std::string> normalized_tokens(const std::string& source);

std::set<std::uint64_t> fingerprints(const std::string& source);

// |a ∩ b| / |a ∪ b|, 0 when both are empty.
double jaccard(const std::set<std::uint64_t>& a, const std::set<std::uint64_t>& b);

struct SimilarFiles {
  std::vector<std::size_t> members;  // indexes into the input, ascending
  double least_similarity = 1;       // the weakest link that joined the group
};

// Groups of at least two files that are near-identical to one another
// (linked pairwise at `threshold` or more), each file's stub fingerprints
// removed first. Deterministic: groups ordered by their first member.
std::vector<SimilarFiles> similar_groups(const std::vector<std::string>& sources,
                                         const std::string& stub, double threshold);

}  // namespace judge
