#include "report_grid.h"

#include "text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace judge {
namespace {

std::string cell(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  return fmt::format("{:.6g}", x);
}

// One row of one side: numbers right-aligned in `width`, each followed by
// its mark ('*' outside the tolerance).
std::string row_text(const std::vector<double>& values, const std::vector<bool>& wrong,
                     std::size_t first, std::int64_t cols, std::size_t width, bool marked) {
  std::string line;
  for (std::int64_t c = 0; c < cols; ++c) {
    const std::size_t i = first + static_cast<std::size_t>(c);
    line += fmt::format("{:>{}}", cell(values[i]), width);
    line += marked && i < wrong.size() && wrong[i] ? '*' : ' ';
  }
  return line;
}

}  // namespace

std::string grid_text(const Grid& g, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::size_t width = 0;
  for (double x : g.expected) width = std::max(width, cell(x).size());
  for (double x : g.got) width = std::max(width, cell(x).size());
  width += 1;  // a space between entries
  const std::size_t side = static_cast<std::size_t>(g.cols) * (width + 1);
  const std::string expected_label = zh ? "期望" : "expected";
  const std::string got_label = zh ? "实际" : "got";
  std::string out =
      zh ? fmt::format("  {}（{} x {}），* 为超出容差的元素：\n", g.output, g.rows, g.cols)
         : fmt::format("  {} ({} x {}), * marks the entries outside the tolerance:\n", g.output,
                       g.rows, g.cols);
  const std::size_t label_pad = side + 3 - std::min(side + 2, columns_of(expected_label));
  out += "    " + expected_label + std::string(label_pad, ' ') + got_label + "\n";
  for (std::int64_t r = 0; r < g.rows; ++r) {
    const std::size_t first = static_cast<std::size_t>(r * g.cols);
    out += "    " + row_text(g.expected, g.wrong, first, g.cols, width, false) + "   " +
           row_text(g.got, g.wrong, first, g.cols, width, true) + "\n";
  }
  return out;
}

}  // namespace judge
