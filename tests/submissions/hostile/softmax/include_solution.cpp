// Includes the reference solution at compile time. The compiler works on a
// private copy under <repo>/.judge/cache/programs/<key>.work*/, so
// "../../../../solutions/softmax/reference.cpp" would reach the repository, and
// "../solutions/softmax/reference.cpp" would be found through the -I of the exercises
// folder. The compile sandbox shows only the toolchain, exercise.h and the
// work folder: every __has_include is false and the file answers zeros
// (wrong_answer; __has_include keeps it compiling either way). If any include
// succeeds, the stolen reference answers correctly: an escape is "accepted".
// (Without bubblewrap the include succeeds: only the sandboxed behaviour is asserted.)
// expect: wrong_answer sample
#include "exercise.h"

#if __has_include("../../../../solutions/softmax/reference.cpp")
#include "../../../../solutions/softmax/reference.cpp"
#elif __has_include("../../../solutions/softmax/reference.cpp")
#include "../../../solutions/softmax/reference.cpp"
#elif __has_include("../../../../../solutions/softmax/reference.cpp")
#include "../../../../../solutions/softmax/reference.cpp"
#elif __has_include("../solutions/softmax/reference.cpp")
#include "../solutions/softmax/reference.cpp"
#elif __has_include("../../solutions/softmax/reference.cpp")
#include "../../solutions/softmax/reference.cpp"
#elif __has_include("/work/main/solutions/softmax/reference.cpp")
#include "/work/main/solutions/softmax/reference.cpp"
#elif __has_include(<../solutions/softmax/reference.cpp>)
#include <../solutions/softmax/reference.cpp>
#else
Eigen::VectorXf softmax(const Eigen::VectorXf& x) { return Eigen::VectorXf::Zero(x.size()); }
#endif
