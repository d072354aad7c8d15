#include "room_check.h"

#include "learner_files.h"
#include "report.h"

namespace judge::server {

CheckQueue::CheckFunction make_room_check(const Workspace& workspace, const Bank& bank,
                                          ExpectedCache& expected, CheckOptions options) {
  options.expected_cache = &expected;
  return [&workspace, &bank, options](const Submission& submission) {
    const Problem* problem = bank.find(submission.problem);
    CheckResult result;
    if (problem == nullptr) {
      // The bank changed under a stored submission: not the learner's fault.
      result.problem = submission.problem;
      result.judge_error = "the room's bank has no problem '" + submission.problem + "' any more";
    } else {
      // What the learner typed is all there is: no headers beside it.
      LearnerSources sources;
      sources.file_name = submission.problem + ".cpp";
      sources.shown_path = sources.file_name;
      sources.source = submission.source;
      result = check_sources(workspace, *problem, sources, options);
    }
    return dump_json(render_json(result));
  };
}

}  // namespace judge::server
