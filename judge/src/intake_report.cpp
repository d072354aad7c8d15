#include "intake_report.h"

#include "report_grade.h"
#include "text.h"
#include "toolchain.h"

namespace judge {

std::string render_intake_csv(const std::vector<IntakeFinding>& findings) {
  std::string out = "learner,problem,finding,file,note\n";
  for (const auto& f : findings)
    out += csv_field(f.learner) + "," + csv_field(f.problem) + "," + csv_field(f.kind) + "," +
           csv_field(f.file) + "," + csv_field(f.note) + "\n";
  return out;
}

void write_intake_csv(const std::vector<IntakeFinding>& findings, const std::string& out_dir) {
  write_atomically(out_dir + "/intake.csv", render_intake_csv(findings));
}

std::string intake_line(const IntakeFinding& finding) {
  // A file name may hold a newline: one finding stays one line.
  return "intake: " + printable_line(finding.note);
}

}  // namespace judge
