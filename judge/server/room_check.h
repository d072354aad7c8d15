// The check a room's workers run: a stored submission through exactly the
// sandboxed path of `judge check` (check_sources), as the JSON document
// `judge check --format json` prints.
#pragma once

#include "bank.h"
#include "check.h"
#include "check_queue.h"
#include "workspace.h"

namespace judge::server {

// `workspace`, `bank` and `expected` must outlive the function. Checks of one
// room share the expected values (computed once per problem).
CheckQueue::CheckFunction make_room_check(const Workspace& workspace, const Bank& bank,
                                          ExpectedCache& expected, CheckOptions options);

}  // namespace judge::server
