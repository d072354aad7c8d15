// Around the code: hints one at a time, the concept questions, and the
// reference solution with its known traps once the problem is solved.
import {api, t, pick, addStrings, el, clear, show, errorSentence} from './common.js';

addStrings({
  hints_left: ['{n} more', '还有 {n} 条'],
  no_hints_left: ['No more hints.', '没有更多提示了。'],
  no_hints: ['This problem has no hints.', '本题没有提示。'],
  right: ['Right.', '正确。'],
  wrong: ['Not quite.', '不太对。'],
  model_answer: ['Model answer: ', '参考答案：'],
  your_answer: ['Your answer…', '你的答案…'],
  show_answer: ['Compare with the model answer', '与参考答案比较'],
  write_first: ['Write your answer first.', '请先写下你的答案。'],
  traps: ['Known traps', '常见陷阱'],
  trap_gets: ['gets {gets}', '结果：{gets}'],
  solution_locked: ['Solve the problem first.', '请先通过本题。'],
});

export function createExtras() {
  const $ = (id) => document.getElementById(id);
  let problem = null;
  let learnerKey = '';
  // Per problem id: hints shown so far ({en, zh} each), and quiz answers.
  const hints = new Map();
  const answers = new Map();
  let solution = null;   // {id, data} once fetched

  // How many hints were shown survives a reload; the texts are fetched again.
  const hintKey = (id) => `judge.hints.${learnerKey}.${id}`;

  async function open(detail, key) {
    problem = detail;
    learnerKey = key;
    solution = solution?.id === detail.id ? solution : null;
    if (!hints.has(detail.id)) {
      hints.set(detail.id, []);
      const shown = Math.min(Number(localStorage.getItem(hintKey(detail.id))) || 0, detail.hints || 0);
      for (let i = 0; i < shown; i++) if (!(await fetchHint(detail, i))) break;
      if (problem !== detail) return;
    }
    render();
  }

  async function fetchHint(detail, index) {
    const res = await api('GET', `/api/v1/problems/${encodeURIComponent(detail.id)}/hints/${index}`);
    if (res.status !== 200 || !res.data) {
      $('hint-left').textContent = errorSentence(res);
      return false;
    }
    hints.get(detail.id)[index] = res.data.hint;
    localStorage.setItem(hintKey(detail.id), String(hints.get(detail.id).length));
    return true;
  }

  function renderHints() {
    const list = clear($('hints'));
    const shown = hints.get(problem.id) || [];
    for (const h of shown) list.append(el('li', null, pick(h)));
    const total = problem.hints || 0;
    const left = total - shown.length;
    show($('hint-more'), left > 0);
    $('hint-left').textContent = total === 0 ? t('no_hints')
      : left > 0 ? t('hints_left', {n: left}) : t('no_hints_left');
  }

  $('hint-more').addEventListener('click', async () => {
    const detail = problem;
    if (!detail) return;
    $('hint-more').disabled = true;
    await fetchHint(detail, (hints.get(detail.id) || []).length);
    $('hint-more').disabled = false;
    if (problem === detail) renderHints();
  });

  function renderQuiz() {
    const list = clear($('quiz'));
    const quiz = problem.quiz || [];
    show($('quiz-box'), quiz.length > 0);
    quiz.forEach((q, n) => list.append(renderQuestion(q, n)));
  }

  function renderQuestion(q, n) {
    const id = problem.id;
    const key = `${id}/${n}`;
    const state = answers.get(key);
    const item = el('li', {class: 'question'}, el('p', {class: 'q-text'}, pick(q.question)));
    const feedback = el('div', {class: 'q-feedback', 'aria-live': 'polite'});
    const submit = async (body) => {
      const res = await api('POST', `/api/v1/problems/${encodeURIComponent(id)}/quiz/${n}`, body);
      if (res.status !== 200 || !res.data) {
        feedback.replaceChildren(el('p', {class: 'error'}, errorSentence(res)));
        return;
      }
      answers.set(key, {body, response: res.data});
      if (problem?.id === id) renderQuiz();
    };
    const choices = q.choices || [];
    if (choices.length) {
      const row = el('div', {class: 'choices', role: 'group'});
      choices.forEach((c, i) => {
        const classes = ['choice'];
        if (state) {
          if (i === state.response.correct_choice) classes.push('right');
          else if (i === state.body.choice) classes.push('wrong');
        }
        row.append(el('button', {type: 'button', class: classes.join(' '),
          'aria-pressed': state ? String(i === state.body.choice) : null,
          on: {click: () => submit({choice: i})}}, pick(c)));
      });
      item.append(row);
    } else {
      const box = el('textarea', {class: 'q-answer', rows: 3, placeholder: t('your_answer'),
        'aria-label': t('your_answer')});
      if (state) box.value = state.body.answer;
      const button = el('button', {type: 'button', on: {click: () => {
        const text = box.value.trim();
        if (!text) { feedback.replaceChildren(el('p', {class: 'muted'}, t('write_first'))); return; }
        submit({answer: text});
      }}}, t('show_answer'));
      item.append(box, el('div', null, button));
    }
    if (state) {
      const r = state.response;
      if (r.correct === true) feedback.append(el('p', {class: 'ok'}, t('right')));
      if (r.correct === false) feedback.append(el('p', {class: 'bad'}, t('wrong')));
      feedback.append(el('p', {class: 'model-answer'}, el('strong', null, t('model_answer')), pick(r.answer)));
    }
    item.append(feedback);
    return item;
  }

  function renderSolution() {
    show($('solution-box'), !!problem.solved);
    const box = clear($('solution'));
    show($('solution-show'), problem.solved && !solution);
    if (!solution) return;
    const {reference, traps} = solution.data;
    box.append(el('pre', {class: 'code'}, reference || ''));
    if (traps?.length) {
      const list = el('ul', {class: 'traps'});
      for (const trap of traps) {
        list.append(el('li', null, el('code', null, trap.name || ''), ' — ', pick(trap.about),
          trap.gets ? el('span', {class: 'muted'}, ` (${t('trap_gets', {gets: trap.gets})})`) : ''));
      }
      box.append(el('h4', null, t('traps')), list);
    }
  }

  $('solution-show').addEventListener('click', async () => {
    const detail = problem;
    const res = await api('GET', `/api/v1/problems/${encodeURIComponent(detail.id)}/solution`);
    if (problem !== detail) return;
    if (res.status === 200 && res.data) {
      solution = {id: detail.id, data: res.data};
      renderSolution();
    } else {
      clear($('solution')).append(el('p', {class: 'error'},
        res.status === 403 ? t('solution_locked') : errorSentence(res)));
    }
  });

  function render() {
    if (!problem) return;
    renderHints();
    renderQuiz();
    renderSolution();
  }

  return {
    open,
    render,
    // A pass unlocks the solution without reopening the problem.
    solved(id) {
      if (problem?.id === id) { problem.solved = true; renderSolution(); }
    },
  };
}
