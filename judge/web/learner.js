// The learner's page: who am I, the room's problems with my status, and the
// open problem (statement, editor, check, hints, questions, solution).
import {api, setCsrf, t, pick, addStrings, applyI18n, bindLangToggle, onLangChange, el, clear, show,
  errorSentence} from './common.js';
import {renderProblem} from './learner-problem.js';
import {createCode} from './learner-code.js';
import {createExtras} from './learner-extras.js';

addStrings({
  app_title: ['Practice room', '练习室'],
  problems: ['Problems', '题目'],
  pick_problem: ['Pick a problem on the left.', '请在左侧选择一道题。'],
  signature: ['Signature', '函数签名'],
  sample: ['Sample', '示例'],
  hints: ['Hints', '提示'],
  show_hint: ['Show a hint', '显示一条提示'],
  quiz: ['Questions', '思考题'],
  solution: ['Solution and known traps', '参考解答与常见陷阱'],
  show_solution: ['Show the reference solution', '显示参考解答'],
  check: ['Check', '检查'],
  check_keys: ['Ctrl+Enter', 'Ctrl+Enter'],
  reset: ['Reset to stub', '恢复为桩代码'],
  hello: ['Signed in as {name}', '当前学员：{name}'],
  organiser_here: ['You are signed in as the organiser; your page is /organiser.',
    '你以组织者身份登录；你的页面是 /organiser。'],
  s_not_started: ['not started', '未开始'],
  s_checking: ['checking', '检查中'],
  s_passed: ['passed', '已通过'],
  s_failed: ['failed', '未通过'],
  solved_mark: ['solved', '已解决'],
});

const $ = (id) => document.getElementById(id);
const page = {session: null, problems: [], detail: null, noticeKey: null};
const code = createCode({onChecked: checked});
const extras = createExtras();

// The notice is kept as a key, so the language toggle retranslates it.
function notice(key, text) {
  page.noticeKey = key;
  $('notice').textContent = key ? t(key) : text;
  show($('notice'), true);
  show($('room'), false);
}

function renderList() {
  const list = clear($('problem-list'));
  for (const p of page.problems) {
    const status = p.status || 'not_started';
    const current = page.detail?.id === p.id;
    list.append(el('li', null, el('button', {
      type: 'button',
      class: `problem-item status-${status}`,
      'aria-current': current ? 'true' : null,
      data: {problem: p.id},
      on: {click: () => openProblem(p.id)},
    },
    el('span', {class: 'p-name'}, pick(p.title) || p.id),
    el('span', {class: `badge status-${status}`}, t(`s_${status}`)),
    p.solved ? el('span', {class: 'solved', title: t('solved_mark'), 'aria-label': t('solved_mark')}, '★') : null)));
  }
}

async function loadProblems() {
  const res = await api('GET', '/api/v1/problems');
  if (res.status !== 200 || !res.data) return notice(null, errorSentence(res));
  page.problems = res.data.problems || [];
  renderList();
}

async function openProblem(id) {
  if (page.detail?.id === id) return;
  const res = await api('GET', `/api/v1/problems/${encodeURIComponent(id)}`);
  if (res.status !== 200 || !res.data) {
    $('notice').textContent = errorSentence(res);
    show($('notice'), true);
    return;
  }
  show($('notice'), false);
  page.detail = res.data;
  // The URL remembers the open problem, so a reload comes back to it.
  history.replaceState(null, '', `#${encodeURIComponent(id)}`);
  show($('pick-one'), false);
  show($('problem'), true);
  renderList();
  renderProblem(page.detail);
  await Promise.all([code.open(page.detail), extras.open(page.detail, page.session.learner?.id ?? '')]);
}

// After a check is sent (result null) and when it is done: the list's status
// follows, and a pass unlocks the solution.
async function checked(id, result) {
  if (result && result.status === 'pass') {
    const p = page.problems.find((x) => x.id === id);
    if (p) p.solved = true;
    if (page.detail?.id === id) page.detail.solved = true;
    extras.solved(id);
  }
  await loadProblems();
}

onLangChange(() => {
  if (page.noticeKey) $('notice').textContent = t(page.noticeKey);
  renderHeader();
  renderList();
  if (page.detail) {
    renderProblem(page.detail);
    extras.render();
    code.relabel();
  }
});

function renderHeader() {
  const s = page.session;
  $('set-title').textContent = s?.set ? pick(s.set.title) : '';
  $('who').textContent = s?.learner ? t('hello', {name: s.learner.name}) : '';
}

async function boot() {
  applyI18n();
  bindLangToggle($('lang-toggle'));
  const res = await api('GET', '/api/v1/session');
  if (res.status === 401) return notice('not_joined');
  if (res.status !== 200 || !res.data) return notice(null, errorSentence(res));
  if (res.data.role !== 'learner') return notice('organiser_here');
  page.session = res.data;
  setCsrf(res.data.csrf);
  renderHeader();
  show($('room'), true);
  await loadProblems();
  const wanted = decodeURIComponent(location.hash.slice(1));
  const first = page.problems.find((p) => p.id === wanted) ||
    page.problems.find((p) => !p.solved) || page.problems[0];
  if (first) await openProblem(first.id);
}

boot();
