// The learner's code: the editor, its autosaved draft, "Reset to stub", and
// the check (submit, wait, poll, show the result).
import {api, t, addStrings, el, clear, debounce, errorSentence, sleep} from './common.js';
import {renderResult} from './result.js';

addStrings({
  saving: ['Saving…', '保存中…'],
  saved: ['Draft saved', '草稿已保存'],
  save_failed: ['Draft not saved: {why}', '草稿未保存：{why}'],
  checking: ['Checking…', '检查中…'],
  st_queued: ['Checking… (waiting in the queue)', '检查中…（排队中）'],
  st_running: ['Checking… (running the tests)', '检查中…（正在运行测试）'],
  reset_confirm: ['Replace your code with the stub? (Ctrl+Z in the editor brings it back.)',
    '用桩代码替换你的代码吗？（在编辑器中按 Ctrl+Z 可以恢复。）'],
  no_editor: ['The editor did not load (/static/editor.js). Build the judge_web target.',
    '编辑器没有加载（/static/editor.js）。请构建 judge_web 目标。'],
  editor_label: ['Your C++ code', '你的 C++ 代码'],
});

const SAVE_DELAY_MS = 1000;
const WAIT_SECONDS = 30;

export function createCode({onChecked}) {
  const $ = (id) => document.getElementById(id);
  const checkButton = $('check');
  const resetButton = $('reset');
  const saveState = $('save-state');
  const checkState = $('check-state');
  const resultBox = $('result-box');

  let problem = null;      // the open problem's detail
  let editor = null;
  let savedText = null;    // what the server holds for the open problem
  // Checks in flight by problem id, so leaving a problem mid-check and coming
  // back shows its state; each keeps polling in the background.
  const inFlight = new Map();
  // The latest result shown per problem id, redrawn when the language changes.
  const results = new Map();

  // The save indicator is kept as a key and its words, so the language
  // toggle can say it again.
  let saveNote = null;
  const noteSave = (key, vars) => { saveNote = key && [key, vars]; saveState.textContent = key ? t(key, vars) : ''; };

  async function saveDraft(id, text, keepalive) {
    if (id === problem?.id && text === savedText) return true;
    if (id === problem?.id) noteSave('saving');
    const res = await api('PUT', `/api/v1/drafts/${encodeURIComponent(id)}`, {source: text}, {keepalive});
    if (id !== problem?.id) return res.status === 200;
    if (res.status === 200) {
      savedText = text;
      noteSave('saved');
      return true;
    }
    noteSave('save_failed', {why: errorSentence(res)});
    return false;
  }
  const saveSoon = debounce((id, text) => saveDraft(id, text), SAVE_DELAY_MS);

  // Nothing typed is lost: a hidden or closing tab saves at once.
  const flush = (keepalive) => {
    if (!problem || !editor || (!saveSoon.pending() && !keepalive)) return;
    saveSoon.cancel();
    if (editor.getDoc() !== savedText) saveDraft(problem.id, editor.getDoc(), keepalive);
  };
  document.addEventListener('visibilitychange', () => { if (document.hidden) flush(true); });
  window.addEventListener('pagehide', () => flush(true));

  async function open(detail) {
    flush(false);
    problem = detail;
    clear(resultBox);
    noteSave(null);
    if (editor) { editor.destroy(); editor = null; }
    const res = await api('GET', `/api/v1/drafts/${encodeURIComponent(detail.id)}`);
    if (problem !== detail) return;  // another problem was opened meanwhile
    const text = res.status === 200 && res.data ? String(res.data.source ?? '') : String(detail.stub || '');
    // The stub counts as saved: a problem only looked at gets no draft.
    savedText = text;
    if (!window.JudgeEditor) {
      resultBox.append(el('p', {class: 'error'}, t('no_editor')));
      return;
    }
    // A new editor per problem, so undo never crosses into another problem.
    editor = window.JudgeEditor.create($('editor'), {
      doc: text,
      label: t('editor_label'),
      onChange: (doc) => saveSoon(detail.id, doc),
      onCheck: () => check(),
    });
    syncCheckState();
    const pending = inFlight.get(detail.id);
    if (!pending) await showLatest(detail);
  }

  // Reopening a problem shows its latest check, as the terminal would after
  // `judge check`; a check still running is picked up and followed.
  async function showLatest(detail) {
    const list = await api('GET', `/api/v1/submissions?problem=${encodeURIComponent(detail.id)}`);
    const latest = list.status === 200 && list.data?.submissions?.[0];
    if (!latest || problem !== detail) return;
    if (latest.state !== 'done') { follow(detail.id, latest.id, latest.state); return; }
    const sub = await api('GET', `/api/v1/submissions/${latest.id}`);
    if (sub.status === 200 && sub.data?.result) show(detail.id, sub.data.result);
  }

  function show(id, result) {
    results.set(id, result);
    if (problem?.id === id) resultBox.replaceChildren(renderResult(result, problem.groups));
  }

  function syncCheckState() {
    const pending = problem && inFlight.get(problem.id);
    checkButton.disabled = !!pending || !editor;
    checkButton.classList.toggle('busy', !!pending);
    checkState.textContent = !pending ? ''
      : t(pending.state === 'running' ? 'st_running' : pending.state === 'queued' ? 'st_queued' : 'checking');
    checkState.classList.toggle('spinning', !!pending);
  }

  async function check() {
    if (!problem || !editor || inFlight.has(problem.id)) return;
    const id = problem.id;
    const source = editor.getDoc();
    inFlight.set(id, {state: 'queued'});
    syncCheckState();
    // The old result goes at once, so no one reads it as this check's.
    results.delete(id);
    clear(resultBox);
    saveSoon.cancel();  // saved right here instead
    await saveDraft(id, source);
    const res = await api('POST', `/api/v1/submissions?wait=${WAIT_SECONDS}`, {problem: id, source});
    if (res.status === 200 && res.data?.state === 'done') {
      finish(id, res.data);
    } else if ((res.status === 200 || res.status === 202) && res.data?.id != null) {
      inFlight.delete(id);
      follow(id, res.data.id, res.data.state || 'queued');
    } else {
      inFlight.delete(id);
      syncCheckState();
      if (problem?.id === id) resultBox.replaceChildren(el('p', {class: 'error'}, errorSentence(res)));
    }
  }

  // Polls with long waits (the server answers as soon as the check is done);
  // a failed poll backs off and tries again rather than giving up.
  async function follow(id, submission, state) {
    if (inFlight.has(id)) return;
    inFlight.set(id, {state, submission});
    syncCheckState();
    onChecked(id, null);
    let failures = 0;
    for (;;) {
      const res = await api('GET', `/api/v1/submissions/${submission}?wait=${WAIT_SECONDS}`);
      if (res.status === 200 && res.data?.state === 'done') { finish(id, res.data); return; }
      if (res.status === 200) {
        inFlight.get(id).state = res.data?.state || 'queued';
        syncCheckState();
        failures = 0;
        continue;
      }
      if (res.status !== 0 && res.status < 500) {
        inFlight.delete(id);
        syncCheckState();
        if (problem?.id === id) resultBox.replaceChildren(el('p', {class: 'error'}, errorSentence(res)));
        return;
      }
      failures++;
      if (problem?.id === id) checkState.textContent = errorSentence(res);
      await sleep(Math.min(10000, 1000 * failures));
    }
  }

  function finish(id, submission) {
    inFlight.delete(id);
    syncCheckState();
    if (submission.result) show(id, submission.result);
    onChecked(id, submission.result);
  }

  checkButton.addEventListener('click', () => check());
  resetButton.addEventListener('click', () => {
    if (!problem || !editor) return;
    if (!window.confirm(t('reset_confirm'))) return;
    editor.setDoc(String(problem.stub || ''));
    saveSoon.flush(problem.id, editor.getDoc());
    editor.focus();
  });

  return {
    open,
    flush: () => flush(false),
    // Redraws what depends on the language (the editor keeps its text).
    relabel() {
      syncCheckState();
      if (saveNote) noteSave(...saveNote);
      if (problem && results.has(problem.id)) show(problem.id, results.get(problem.id));
    },
  };
}
