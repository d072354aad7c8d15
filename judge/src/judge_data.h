// Where the judge's own files are: the built-in bank (problems/, solutions/,
// exercises/), the harness sources learner programs are compiled against,
// and the pages of `judge serve`. An installed judge finds them beside its
// executable (PREFIX/bin/judge reads PREFIX/share/judge), so a package or a
// copied install works wherever it lands; a judge built in a checkout, which
// has no such folder, uses the tree it was built from, as it always did.
#pragma once

#include <string>
#include <vector>

namespace judge {

struct JudgeData {
  std::string root;                   // problems/, solutions/, exercises/, judge/harness/
  std::vector<std::string> web_dirs;  // judge serve's pages and the editor bundle
  bool installed = false;             // root is an install's share/judge, not a checkout
};

// The data of the judge whose executable is `executable`: its
// ../share/judge when that holds a bank (problems/tracks.yaml), else the
// source tree it was built from.
JudgeData judge_data_for(const std::string& executable);

// The data of this process's own executable (/proc/self/exe, with links
// resolved), looked up once.
const JudgeData& judge_data();

}  // namespace judge
