// The room's heat map (learners x problems), polled every 2 s and redrawn
// only when the room's version changes; a cell opens that learner's latest
// code and failing tests.
import {api, t, pick, addStrings, el, clear, show, errorSentence, sleep, say, sayText} from './common.js';
import {renderResult} from './result.js';

addStrings({
  learner: ['Learner', '学员'],
  no_learners: ['No learners yet: add some above.', '还没有学员：请在上方添加。'],
  updated: ['Live · last change {time}', '实时 · 最近变化 {time}'],
  poll_failed: ['Not updating: {why}', '未能更新：{why}'],
  c_none: ['not started', '未开始'],
  c_queued: ['queued', '排队中'],
  c_running: ['running', '运行中'],
  c_passed: ['passed', '已通过'],
  c_failed: ['failed', '未通过'],
  c_error: ['error', '出错'],
  latest_of: ['{name} · {problem}', '{name} · {problem}'],
  code: ['Latest code', '最新代码'],
  close: ['Close', '关闭'],
  sub_state: ['submission {id}: {state}', '提交 {id}：{state}'],
});

const POLL_MS = 2000;
const STATES = ['none', 'queued', 'running', 'passed', 'failed', 'error'];

export function createHeat() {
  const $ = (id) => document.getElementById(id);
  let room = null;          // the last GET /api/v1/room
  let version = null;
  let lastChange = '';
  let titles = new Map();   // problem id -> title ({en, zh}), for the headers' tooltips
  const details = new Map(); // problem id -> detail (groups with notes), fetched once
  let selected = null;      // {learner, problem, submission}
  let wake = null;          // resolves the poll loop's sleep early (after adding learners)

  async function loadTitles() {
    const res = await api('GET', '/api/v1/problems');
    if (res.status === 200 && res.data) titles = new Map(res.data.problems.map((p) => [p.id, p.title]));
  }

  function cellLabel(cell) {
    if (!cell || cell.state === 'none') return '—';
    if (cell.state === 'queued' || cell.state === 'running') return t(`c_${cell.state}`);
    // A compile error or refusal ran no test: its state says more than 0/0.
    return cell.total ? `${cell.passed ?? 0}/${cell.total}` : t(`c_${cell.state}`);
  }

  function draw() {
    const table = clear($('heat'));
    if (!room) return;
    if (!room.learners?.length) {
      table.append(el('tbody', null, el('tr', null, el('td', {class: 'muted'}, t('no_learners')))));
      return;
    }
    const head = el('tr', null, el('th', {scope: 'col'}, t('learner')));
    for (const p of room.problems) head.append(el('th', {scope: 'col', title: pick(titles.get(p)) || null}, p));
    const body = el('tbody');
    // Focus survives a redraw: the focused cell is found again by its ids.
    const focused = document.activeElement?.dataset?.cell || null;
    let refocus = null;
    for (const learner of room.learners) {
      const row = el('tr', null, el('th', {scope: 'row', class: 'learner', title: learner.name}, learner.name));
      const cells = new Map((learner.cells || []).map((c) => [c.problem, c]));
      for (const p of room.problems) {
        const cell = cells.get(p) || {problem: p, state: 'none', submission: null};
        const state = STATES.includes(cell.state) ? cell.state : 'none';
        const key = `${learner.id}/${p}`;
        const isSelected = selected && selected.learner.id === learner.id && selected.problem === p;
        const button = el('button', {
          type: 'button',
          class: `cell state-${state}`,
          title: `${learner.name} · ${p}: ${t(`c_${state}`)}`,
          'aria-label': `${learner.name} · ${p}: ${t(`c_${state}`)} ${cellLabel(cell)}`,
          'aria-pressed': isSelected ? 'true' : 'false',
          data: {cell: key, state},
          disabled: cell.submission == null,
          on: {click: () => openCell(learner, p, cell.submission)},
        }, cellLabel(cell));
        if (key === focused) refocus = button;
        row.append(el('td', null, button));
      }
      body.append(row);
    }
    table.append(el('thead', null, head), body);
    if (refocus) refocus.focus();
  }

  function drawLegend() {
    const legend = clear($('legend'));
    for (const s of STATES) legend.append(el('span', {class: `cell state-${s}`}, t(`c_${s}`)));
  }

  async function problemDetail(id) {
    if (!details.has(id)) {
      const res = await api('GET', `/api/v1/problems/${encodeURIComponent(id)}`);
      if (res.status === 200 && res.data) details.set(id, res.data);
    }
    return details.get(id);
  }

  async function openCell(learner, problem, submission) {
    if (submission == null) return;
    selected = {learner, problem, submission, data: null};
    draw();
    await showSelected();
  }

  // Reads the selected cell's submission again; called when the cell's
  // latest submission changes, so the detail follows the learner.
  async function showSelected() {
    const mine = selected;
    const [res, detail] = await Promise.all([
      api('GET', `/api/v1/submissions/${mine.submission}`), problemDetail(mine.problem)]);
    if (selected !== mine) return;
    if (res.status === 200) mine.data = res.data;
    mine.detail = detail;
    mine.error = res.status === 200 ? null : errorSentence(res);
    drawDetail();
  }

  function drawDetail() {
    const box = clear($('detail'));
    show(box, !!selected);
    if (!selected) return;
    const {learner, problem, data, detail, error} = selected;
    const close = el('button', {type: 'button', on: {click: () => { selected = null; drawDetail(); draw(); }}}, t('close'));
    box.append(el('div', {class: 'detail-head'},
      el('h2', null, t('latest_of', {name: learner.name, problem})),
      el('span', {class: 'muted'}, t('sub_state', {id: selected.submission, state: data?.state ?? '…'})),
      el('span', {class: 'spacer'}), close));
    if (error) box.append(el('p', {class: 'error'}, error));
    if (!data) return;
    if (data.result) box.append(renderResult(data.result, detail?.groups || []));
    box.append(el('h3', null, t('code')), el('pre', {class: 'code'}, data.source ?? ''));
  }

  async function poll() {
    const res = await api('GET', '/api/v1/room');
    if (res.status !== 200 || !res.data) {
      sayText($('room-state'), t('poll_failed', {why: errorSentence(res)}));
      return;
    }
    if (res.data.version !== version) lastChange = new Date().toLocaleTimeString();
    say($('room-state'), 'updated', {time: lastChange});
    if (res.data.version === version) return;
    version = res.data.version;
    room = res.data;
    if (room.problems.some((p) => !titles.has(p))) await loadTitles();
    draw();
    if (selected) {
      const learner = room.learners.find((l) => l.id === selected.learner.id);
      const cell = learner?.cells?.find((c) => c.problem === selected.problem);
      if (cell && cell.submission !== selected.submission) {
        selected.submission = cell.submission;
        selected.data = null;
      }
      if (cell) await showSelected();
    }
  }

  async function loop() {
    for (;;) {
      await poll();
      await Promise.race([sleep(POLL_MS), new Promise((r) => { wake = r; })]);
    }
  }

  return {
    start() {
      drawLegend();
      loadTitles().then(loop);
    },
    // Polls at once and redraws whatever the version: adding a learner need
    // not change it (it counts submissions).
    poke() { version = null; if (wake) wake(); },
    relabel() { drawLegend(); draw(); drawDetail(); },
  };
}
