// A check's result (the document of `judge check --format json`) drawn the way
// the terminal shows it: a line per test group, then the first failing test
// in detail with the group's note. Shared by the learner's page and the
// organiser's cell view. All text goes in as text nodes.
import {el, t, pick, addStrings} from './common.js';

addStrings({
  compile_error: ['compile_error: your file does not compile.', 'compile_error：你的文件无法编译。'],
  refused: ['refused: the judge did not read your file.', 'refused：判题器没有读取你的文件。'],
  judge_error: ['judge_error: the judge itself failed; this is not charged to you.',
    'judge_error：判题器自身出错，不计入你的成绩。'],
  not_implemented: ['not_implemented: not implemented yet. Replace the stub\'s throw with your code.',
    'not_implemented：还没有实现。把桩代码里的 throw 换成你的代码。'],
  first_failure: ['First failure', '第一个失败的用例'],
  r_input: ['input', '输入'],
  r_where: ['where', '位置'],
  r_of: ['{where} of {shape}', '{where}（共 {shape}）'],
  r_expected: ['expected', '期望'],
  r_got: ['got', '实际'],
  r_error: ['error', '误差'],
  r_allowed: ['{error} > allowed {allowed}', '{error} > 允许 {allowed}'],
  r_shape: ['shape', '形状'],
  r_shape_text: ['expected {e}, got {g}', '期望 {e}，实际 {g}'],
  why: ['Why it matters: ', '为什么重要：'],
  printed: ['Your program printed (first lines):', '你的程序的输出（节选）：'],
  summary_pass: ['PASS {p}/{n} tests passed', 'PASS {p}/{n} 个测试通过'],
  summary_fail: ['FAIL {p}/{n} tests passed', 'FAIL {p}/{n} 个测试通过'],
});

// Numbers as the terminal prints them (%.9g); the strings inf, -inf and nan
// that the JSON uses for non-finite values pass through.
export function number(x) {
  if (typeof x !== 'number') return String(x ?? '');
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : (x > 0 ? 'inf' : '-inf');
  return String(parseFloat(x.toPrecision(9)));
}

function verdictOf(test) {
  return test.kind ? `${test.verdict} (${test.kind})` : String(test.verdict || test.status || '');
}

// Groups in the problem's order, then any the problem does not list.
function groupLines(result, groups) {
  const counts = new Map();
  for (const test of result.tests || []) {
    const name = test.group || String(test.name || '').split('/')[0];
    if (!counts.has(name)) counts.set(name, {name, passed: 0, total: 0, verdict: ''});
    const c = counts.get(name);
    c.total++;
    if (test.status === 'pass') c.passed++;
    else if (!c.verdict) c.verdict = verdictOf(test);
  }
  const order = (groups || []).map((g) => g.name).filter((n) => counts.has(n));
  for (const name of counts.keys()) if (!order.includes(name)) order.push(name);
  return order.map((n) => counts.get(n));
}

// result: the check's document; groups: the problem's [{name, note}] (may be
// empty when the problem is unknown). Returns one element.
export function renderResult(result, groups) {
  const box = el('div', {class: 'result'});
  if (!result) return box;
  const message = String(result.message || '');
  if (result.status === 'error') {
    const kind = ['compile_error', 'refused', 'judge_error'].find((k) => message.startsWith(k + ':'));
    box.append(el('p', {class: 'verdict bad'}, kind ? t(kind) : 'error'));
    const rest = kind ? message.slice(kind.length + 1).replace(/^\s*\n?/, '') : message;
    if (rest) box.append(el('pre', {class: 'output'}, rest));
    return box;
  }
  const tests = result.tests || [];
  const lines = el('div', {class: 'groups', role: 'table'});
  for (const g of groupLines(result, groups)) {
    const ok = g.passed === g.total;
    lines.append(el('div', {class: 'group-line ' + (ok ? 'ok' : 'bad'), role: 'row', data: {group: g.name}},
      el('span', {class: 'mark', role: 'cell'}, ok ? '✓' : '✗'),
      el('span', {class: 'gname', role: 'cell'}, g.name),
      el('span', {class: 'count', role: 'cell'}, `${g.passed}/${g.total}`),
      el('span', {class: 'gverdict', role: 'cell'}, ok ? '' : g.verdict)));
  }
  box.append(lines);
  if (tests.length && tests.every((x) => x.verdict === 'not_implemented')) {
    box.append(el('p', {class: 'verdict todo'}, t('not_implemented')));
    return box;
  }
  const first = tests.find((x) => x.status !== 'pass');
  if (first) box.append(renderFailure(first, groups));
  const printed = tests.length ? tests[0].output : null;
  if (printed) box.append(el('p', {class: 'label'}, t('printed')), el('pre', {class: 'output'}, printed));
  const passed = tests.filter((x) => x.status === 'pass').length;
  box.append(el('p', {class: 'summary ' + (result.status === 'pass' ? 'ok' : 'bad')},
    t(result.status === 'pass' ? 'summary_pass' : 'summary_fail', {p: passed, n: tests.length})));
  return box;
}

function renderFailure(test, groups) {
  const detail = el('div', {class: 'failure'});
  detail.append(el('p', {class: 'failure-title'}, `${t('first_failure')} `,
    el('strong', null, test.name || ''), `: ${verdictOf(test)}`));
  const rows = el('dl', {class: 'failure-rows'});
  const row = (label, value, pre) => rows.append(el('dt', null, label),
    el('dd', null, pre ? el('pre', {class: 'inline-pre'}, value) : value));
  if (test.inputs) row(t('r_input'), test.inputs, true);
  const m = test.mismatch;
  if (m && test.kind === 'shape') {
    row(t('r_shape'), t('r_shape_text', {e: m.expected_shape ?? '?', g: m.got_shape ?? '?'}));
    if (test.message) row('', test.message, true);
  } else if (m) {
    row(t('r_where'), t('r_of', {where: `${m.output || 'result'}${m.index || ''}`, shape: m.expected_shape ?? '?'}));
    row(t('r_expected'), number(m.expected));
    row(t('r_got'), number(m.got));
    if (m.error !== undefined) {
      row(t('r_error'), t('r_allowed', {error: number(m.error), allowed: number(m.allowed)}));
    }
  } else if (test.message) {
    row('', test.message, true);
  }
  detail.append(rows);
  const group = (groups || []).find((g) => g.name === test.group);
  if (group && group.note) {
    detail.append(el('p', {class: 'note'}, el('span', {class: 'why'}, t('why')), pick(group.note)));
  }
  return detail;
}
