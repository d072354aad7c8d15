#include "report_html.h"

#include "grade_outcome.h"

#include "text.h"

#include <nlohmann/json.hpp>

namespace judge {
namespace {

using nlohmann::json;

const char* const kStyle = R"html(<style>
:root { font-family: system-ui, sans-serif; color: #222; background: #fff; }
body { margin: 1.5rem; }
header h1 { margin: 0 0 .25rem 0; font-size: 1.5rem; }
header p { margin: 0 0 1rem 0; color: #555; }
.legend { display: flex; gap: .75rem; flex-wrap: wrap; margin: 0 0 1rem 0; font-size: .85rem; }
.legend span { padding: .1rem .5rem; border-radius: 3px; }
.layout { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
.scroll { overflow: auto; max-width: 100%; }
table.heatmap { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.heatmap th, table.heatmap td { border: 1px solid #ccc; padding: .3rem .6rem; }
table.heatmap thead th { position: sticky; top: 0; background: #f4f4f4; }
table.heatmap td { text-align: center; min-width: 3.5rem; }
table.heatmap th.name { text-align: left; font-weight: normal; white-space: pre; cursor: pointer; }
table.heatmap td.cell { cursor: pointer; }
table.heatmap td.total { font-weight: bold; white-space: nowrap; }
table.heatmap tr.average th, table.heatmap tr.average td { border-top: 2px solid #888; }
.na { background: #ddd; color: #666; }
.ce { background: repeating-linear-gradient(45deg, #e6c6f0, #e6c6f0 6px, #d4a8e3 6px, #d4a8e3 12px);
  color: #4a1060; font-weight: bold; }
.err { background: #9fb6d8; color: #102a50; font-weight: bold; }
.fail { background: #f0a8a0; color: #5a0e06; font-weight: bold; }
[role=button]:focus { outline: 3px solid #1a56db; outline-offset: -3px; }
.selected { outline: 3px solid #111; outline-offset: -3px; }
#details { flex: 1 1 28rem; min-width: 20rem; border: 1px solid #ccc; border-radius: 4px;
  padding: .5rem 1rem; }
#details h2 { font-size: 1.1rem; white-space: pre-wrap; }
#details h3 { font-size: 1rem; margin-bottom: .25rem; white-space: pre-wrap; }
#details pre, #details .msg { white-space: pre-wrap; word-break: break-word; font-family: ui-monospace, monospace;
  font-size: .85rem; }
#details pre.message { background: #f7f2e8; padding: .5rem; border-left: 3px solid #c98a00; }
table.fails { border-collapse: collapse; width: 100%; }
table.fails th, table.fails td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
.ok { color: #1d6b2a; }
</style>
)html";

// Everything learner-supplied is inserted with textContent or setAttribute, so
// a learner id or a compile error can never become markup or script.
const char* const kScript = R"html(<script>
(function () {
  "use strict";
  var book = JSON.parse(document.getElementById("gradebook").textContent);
  var table = document.getElementById("heatmap");
  var details = document.getElementById("details");
  var selected = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  // Looked up by id rather than position, so a learner missing a problem
  // shows as not attempted instead of shifting the row.
  function entry(learner, pid) {
    for (var i = 0; i < learner.problems.length; i++)
      if (learner.problems[i].problem === pid) return learner.problems[i];
    return null;
  }
  function resultOf(p) {
    return (p && p.result && typeof p.result === "object") ? p.result : {};
  }
  function testsOf(r) {
    return Array.isArray(r.tests) ? r.tests : [];
  }
  function hasMessage(r) {
    return typeof r.message === "string" && r.message !== "";
  }
  // Red at 0, amber at 0.5, green at 1; light enough for dark text on top.
  function colour(f) {
    var hue = f < 0.5 ? 90 * f : 45 + 150 * (f - 0.5);
    return "hsl(" + hue.toFixed(0) + ", 75%, 78%)";
  }
  function percent(f) {
    return Math.round(f * 100) + "%";
  }
  // Short codes for the outcomes a fraction cannot tell apart (outcomes.csv).
  var OUTCOMES = {
    wrong_answer: ["score", "WA", "wrong answer"],
    time_limit: ["fail", "TLE", "time limit: an endless loop or a slow algorithm"],
    memory_limit: ["fail", "MLE", "memory limit"],
    runtime_error: ["fail", "RE", "runtime error: it crashed"],
    not_implemented: ["na", "STUB", "the stub, untouched"],
    empty: ["na", "EMPTY", "an empty file"],
    not_attempted: ["na", "\u2014", "not attempted"],
    compile_error: ["ce", "CE", "compile error"],
    refused: ["err", "REF", "refused: a file the judge would not read"],
    judge_error: ["err", "ERR", "judge error"]
  };
  function describe(p) {
    if (!p) return { cls: "na", text: "\u2014", label: "not attempted" };
    var known = OUTCOMES[p.outcome];
    if (p.outcome === "passed" || p.outcome === "partial" || !known)
      return { cls: "score", text: percent(p.fraction),
               label: p.passed + " / " + p.total + " tests passed" };
    return { cls: known[0], text: known[1], label: known[2] };
  }
  function activatable(node, onActivate) {
    node.tabIndex = 0;
    node.setAttribute("role", "button");
    node.addEventListener("click", onActivate);
    node.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        node.click();
      }
    });
  }
  function select(node) {
    if (selected) selected.classList.remove("selected");
    selected = node;
    node.classList.add("selected");
  }

  function failTable(fails) {
    var t = el("table", "fails");
    var head = el("tr");
    ["test", "verdict", "message"].forEach(function (h) { head.appendChild(el("th", "", h)); });
    t.appendChild(el("thead")).appendChild(head);
    var body = t.appendChild(el("tbody"));
    fails.forEach(function (test) {
      var tr = body.appendChild(el("tr", "fail"));
      tr.appendChild(el("td", "test", test.name));
      tr.appendChild(el("td", "verdict", test.verdict || test.status));
      var msg = tr.appendChild(el("td", "msg", test.message));
      if (typeof test.output === "string" && test.output !== "") {
        var out = msg.appendChild(el("details"));
        out.appendChild(el("summary", "", "output"));
        out.appendChild(el("pre", "", test.output));
      }
    });
    return t;
  }
  function problemDetails(container, p) {
    var r = resultOf(p);
    var tests = testsOf(r);
    var fails = tests.filter(function (t) { return t && t.status !== "pass"; });
    if (hasMessage(r)) container.appendChild(el("pre", "message", r.message));
    if (fails.length > 0) {
      container.appendChild(failTable(fails));
    } else if (r.status === "pass" || (!hasMessage(r) && tests.length > 0)) {
      var n = tests.length || (p ? p.total : 0);
      container.appendChild(el("p", "ok", "all " + n + " tests passed"));
    } else if (!hasMessage(r)) {
      container.appendChild(el("p", "", "no tests ran (status: " + (r.status || "unknown") + ")"));
    }
  }
  function showCell(learner, pid, node) {
    select(node);
    clear(details);
    details.appendChild(el("h2", "", learner.learner + " \u2014 " + pid));
    problemDetails(details, entry(learner, pid));
  }
  function showLearner(learner, node) {
    select(node);
    clear(details);
    details.appendChild(el("h2", "", learner.learner));
    book.problems.forEach(function (pid) {
      var section = details.appendChild(el("section", "problem"));
      section.appendChild(el("h3", "", pid));
      problemDetails(section, entry(learner, pid));
    });
  }

  function render() {
    var n = book.problems.length;
    var head = el("tr");
    head.appendChild(el("th", "", "learner")).scope = "col";
    book.problems.forEach(function (pid) { head.appendChild(el("th", "", pid)).scope = "col"; });
    head.appendChild(el("th", "", "total")).scope = "col";
    table.appendChild(el("thead")).appendChild(head);

    var body = table.appendChild(el("tbody"));
    book.learners.forEach(function (learner) {
      var tr = body.appendChild(el("tr", "learner"));
      var name = tr.appendChild(el("th", "name", learner.learner));
      name.scope = "row";
      name.setAttribute("data-learner", learner.learner);
      name.setAttribute("aria-label", learner.learner + ": all problems");
      activatable(name, function () { showLearner(learner, name); });
      book.problems.forEach(function (pid) {
        var p = entry(learner, pid);
        var d = describe(p);
        var td = tr.appendChild(el("td", "cell " + d.cls, d.text));
        td.setAttribute("data-learner", learner.learner);
        td.setAttribute("data-problem", pid);
        td.setAttribute("aria-label", learner.learner + ", " + pid + ": " + d.label);
        td.title = d.label;
        if (d.cls === "score") td.style.backgroundColor = colour(p.fraction);
        activatable(td, function () { showCell(learner, pid, td); });
      });
      var total = tr.appendChild(el("td", "total", learner.total.toFixed(2) + " / " + n));
      total.style.backgroundColor = colour(n ? learner.total / n : 0);
    });

    // Unattempted problems count as zero: the average is over the whole class.
    var count = book.learners.length;
    var avg = el("tr", "average");
    avg.appendChild(el("th", "", "average")).scope = "row";
    var sumTotals = 0;
    book.problems.forEach(function (pid) {
      var sum = 0;
      book.learners.forEach(function (learner) {
        var p = entry(learner, pid);
        sum += p ? p.fraction : 0;
      });
      var td = avg.appendChild(el("td", "", count ? percent(sum / count) : "\u2014"));
      if (count) td.style.backgroundColor = colour(sum / count);
    });
    book.learners.forEach(function (learner) { sumTotals += learner.total; });
    var meanTotal = count ? sumTotals / count : 0;
    var t = avg.appendChild(el("td", "total", meanTotal.toFixed(2) + " / " + n));
    if (count && n) t.style.backgroundColor = colour(meanTotal / n);
    table.appendChild(el("tfoot")).appendChild(avg);
  }

  // #select=LEARNER/PROBLEM or #select=LEARNER clicks that element, so a link
  // (or a test) opens the page exactly as a mouse click would.
  function selectFromHash() {
    var m = /^#select=(.*)$/.exec(location.hash);
    if (!m) return;
    var parts = m[1].split("/");
    var learner, problem = null;
    try {
      learner = decodeURIComponent(parts[0]);
      if (parts.length > 1) problem = decodeURIComponent(parts.slice(1).join("/"));
    } catch (e) {
      return;
    }
    var nodes = table.querySelectorAll(problem === null ? "th.name" : "td.cell");
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getAttribute("data-learner") !== learner) continue;
      if (problem !== null && nodes[i].getAttribute("data-problem") !== problem) continue;
      nodes[i].click();
      return;
    }
  }

  render();
  selectFromHash();
  window.addEventListener("hashchange", selectFromHash);
})();
</script>
)html";

// These three characters only occur inside JSON strings, where \uXXXX means
// the same, and without them the data cannot end its <script> element.
std::string escape_for_script(const std::string& json_text) {
  std::string out;
  out.reserve(json_text.size());
  for (char c : json_text) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

json book_data(const GradeBook& book) {
  json learners = json::array();
  for (const auto& l : book.learners) {
    json problems = json::array();
    for (const auto& p : l.problems) {
      json entry = json::object();
      entry["problem"] = p.problem;
      entry["attempted"] = p.attempted;
      entry["passed"] = p.passed;
      entry["total"] = p.total;
      entry["fraction"] = p.fraction();
      entry["outcome"] = outcome_name(classify_outcome(p));
      entry["points"] = p.points;
      entry["result"] = p.result;
      problems.push_back(std::move(entry));
    }
    json learner = json::object();
    learner["learner"] = l.learner;
    learner["total"] = l.total();
    learner["problems"] = std::move(problems);
    learners.push_back(std::move(learner));
  }
  json data = json::object();
  data["title"] = book.title;
  data["problems"] = book.problems;
  data["learners"] = std::move(learners);
  return data;
}

std::string count_of(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

std::string render_html(const GradeBook& book) {
  const std::string title = markup_escape(book.title);
  // Compile output is not always valid UTF-8; replacing bad bytes beats
  // failing the whole report over one learner's garbled message.
  const std::string data =
      escape_for_script(book_data(book).dump(-1, ' ', false, json::error_handler_t::replace));

  std::string html;
  html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<title>" + title + " \xE2\x80\x94 grade report</title>\n";
  html += kStyle;
  html += "</head>\n<body>\n<header>\n<h1>" + title + "</h1>\n<p>" +
          count_of(book.learners.size(), "learner") + ", " +
          count_of(book.problems.size(), "problem") + "</p>\n</header>\n";
  html +=
      "<p class=\"legend\"><span style=\"background:hsl(0, 75%, 78%)\">0%</span>"
      "<span style=\"background:hsl(45, 75%, 78%)\">50%</span>"
      "<span style=\"background:hsl(120, 75%, 78%)\">100%</span>"
      "<span class=\"na\">\xE2\x80\x94 not attempted</span>"
      "<span class=\"ce\">CE compile error</span>"
      "<span class=\"fail\">TLE time limit, MLE memory limit, RE crash</span>"
      "<span class=\"na\">STUB untouched, EMPTY empty file</span>"
      "<span class=\"err\">ERR judge error</span></p>\n";
  html +=
      "<noscript>This report draws its table with JavaScript; the data is in the "
      "page source, in the element with id \"gradebook\".</noscript>\n";
  html += "<div class=\"layout\">\n<div class=\"scroll\"><table id=\"heatmap\" class=\"heatmap\">";
  html += "<caption>fraction of tests passed, per learner and problem</caption></table></div>\n";
  html +=
      "<section id=\"details\" aria-live=\"polite\"><p>Select a cell or a learner's name "
      "to see the failing cases.</p></section>\n</div>\n";
  html += "<script type=\"application/json\" id=\"gradebook\">" + data + "</script>\n";
  html += kScript;
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace judge
