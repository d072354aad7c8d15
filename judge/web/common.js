// What both pages share: the API client (cookie session + CSRF header), the
// two languages, and DOM helpers that never parse text as HTML.
//
// Every string a learner or the program can influence (names, code, output,
// messages) reaches the page only through textContent or text nodes: nothing
// here, or in the pages' modules, assigns innerHTML.

let csrf = '';

// The token the server expects in X-CSRF-Token on every POST, PUT and DELETE
// made with the session cookie; it comes from GET /api/v1/session.
export function setCsrf(token) { csrf = token || ''; }

// One call to the API. Answers {status, data, retryAfter}; data is the parsed
// JSON body, or null when there is none. Never throws: status is 0 when the
// server did not answer, so callers handle every refusal by its status.
export async function api(method, path, body, options = {}) {
  const headers = {'Accept': 'application/json'};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  let text;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      // keepalive lets a draft's save outlive a closing tab (bodies up to 64 KiB).
      keepalive: !!options.keepalive,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    text = await res.text();
  } catch {
    return {status: 0, data: null, retryAfter: null};  // the server is gone or unreachable
  }
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  return {status: res.status, data, retryAfter: res.headers.get('Retry-After')};
}

// ---- Languages -------------------------------------------------------------

const LANG_KEY = 'judge.lang';
const strings = {en: {}, zh: {}};
const langListeners = [];

function initialLang() {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
let lang = initialLang();

export function getLang() { return lang; }

// Each page adds its own table: {key: [english, chinese]}.
export function addStrings(table) {
  for (const [key, [en, zh]] of Object.entries(table)) {
    strings.en[key] = en;
    strings.zh[key] = zh;
  }
}

// t('key', {n: 3}) fills {n} in the current language's string.
export function t(key, vars) {
  let s = strings[lang][key] ?? strings.en[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return s;
}

// A bilingual field of the API ({en, zh}) in the current language.
export function pick(field) {
  if (field == null) return '';
  if (typeof field === 'string') return field;
  return field[lang] || field.en || '';
}

// Fills every [data-i18n] element's text; the pages' static words live there.
export function applyI18n(root = document) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n, node.dataset.i18nVars ? JSON.parse(node.dataset.i18nVars) : undefined);
  }
  for (const node of root.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
}

export function onLangChange(fn) { langListeners.push(fn); }

// The toggle is remembered per browser, for both pages.
export function setLang(next) {
  lang = next === 'zh' ? 'zh' : 'en';
  localStorage.setItem(LANG_KEY, lang);
  applyI18n();
  for (const fn of langListeners) fn(lang);
}

// Wires the header's EN / 中文 buttons.
export function bindLangToggle(container) {
  const sync = () => {
    for (const b of container.querySelectorAll('button[data-lang]')) {
      b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    }
  };
  container.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-lang]');
    if (b) setLang(b.dataset.lang);
  });
  onLangChange(sync);
  sync();
}

// ---- DOM -------------------------------------------------------------------

// el('p', {class: 'x', title: 'y'}, 'text', childNode, ...): strings become
// text nodes, never markup. `on` maps event names to handlers; `data` fills
// dataset; `hidden` and `disabled` are booleans.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'on') for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (key === 'data') Object.assign(node.dataset, value);
    else if (key === 'text') node.textContent = value;
    else if (key === 'hidden' || key === 'disabled') node[key] = true;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// A status line in the current language that the toggle retranslates; text
// that is not one of the tables' keys (a server's sentence) stays as it is.
export function say(node, key, vars) {
  if (key == null) {
    delete node.dataset.i18n;
    delete node.dataset.i18nVars;
    node.textContent = '';
    return;
  }
  node.dataset.i18n = key;
  if (vars) node.dataset.i18nVars = JSON.stringify(vars);
  else delete node.dataset.i18nVars;
  node.textContent = t(key, vars);
}

// Plain text that no toggle should touch.
export function sayText(node, text) {
  delete node.dataset.i18n;
  delete node.dataset.i18nVars;
  node.textContent = text;
}

export function clear(node) { node.replaceChildren(); return node; }

export function show(node, on) { node.hidden = !on; }

// ---- Statements ------------------------------------------------------------

// A small, safe reading of the statements' Markdown: paragraphs, "- " lists,
// fenced (```) and indented (4 spaces) code blocks, and `code` spans. The
// result is built from DOM nodes, so any markup in the text shows as text.
export function renderStatement(text) {
  const out = document.createDocumentFragment();
  const lines = String(text || '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const isBlank = (s) => s.trim() === '';
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) { i++; continue; }
    if (/^\s*```/.test(line)) {
      const body = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i])) body.push(lines[i++]);
      i++;
      out.append(el('pre', {class: 'code'}, body.join('\n')));
    } else if (/^( {4}|\t)/.test(line)) {
      const body = [];
      while (i < lines.length && (/^( {4}|\t)/.test(lines[i]) || (isBlank(lines[i]) &&
             i + 1 < lines.length && /^( {4}|\t)/.test(lines[i + 1])))) {
        body.push(lines[i++].replace(/^( {4}|\t)/, ''));
      }
      out.append(el('pre', {class: 'code'}, body.join('\n')));
    } else if (/^\s*[-*] /.test(line)) {
      const list = el('ul');
      while (i < lines.length && /^\s*[-*] /.test(lines[i])) {
        let item = lines[i++].replace(/^\s*[-*] /, '');
        // A list item goes on over indented lines that are not a new item.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !/^\s*[-*] /.test(lines[i])) {
          item += ' ' + lines[i++].trim();
        }
        list.append(el('li', null, inline(item)));
      }
      out.append(list);
    } else {
      const para = [];
      while (i < lines.length && !isBlank(lines[i]) && !/^\s*```/.test(lines[i]) &&
             !/^\s*[-*] /.test(lines[i]) && !/^( {4}|\t)/.test(lines[i])) {
        para.push(lines[i++].trim());
      }
      out.append(el('p', null, inline(para.join(' '))));
    }
  }
  return out;
}

// `code` spans inside a paragraph; everything else stays plain text.
function inline(text) {
  const parts = text.split(/(`[^`]+`)/);
  return parts.map((p) => (p.length > 2 && p.startsWith('`') && p.endsWith('`')
    ? el('code', null, p.slice(1, -1)) : p));
}

// ---- Small things ----------------------------------------------------------

export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; fn(...args); }, ms);
  };
  // Runs a pending call now (before a check, or when the tab is hidden).
  wrapped.flush = (...args) => {
    if (timer === null) return false;
    clearTimeout(timer);
    timer = null;
    fn(...args);
    return true;
  };
  wrapped.pending = () => timer !== null;
  wrapped.cancel = () => { clearTimeout(timer); timer = null; };
  return wrapped;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Shared words of both pages.
addStrings({
  network: ['The server did not answer. Is judge serve still running?',
    '服务器没有响应。judge serve 还在运行吗？'],
  not_joined: ['Open the join link your organiser gave you.', '请打开组织者发给你的加入链接。'],
  not_organiser: ['This page is for the organiser. Open the organiser link printed when judge serve started.',
    '此页面仅供组织者使用。请打开 judge serve 启动时打印的组织者链接。'],
  error_status: ['The server answered {status}: {message}', '服务器返回 {status}：{message}'],
  too_large: ['Your code is over the 256 KiB limit; shorten it and check again.',
    '你的代码超过了 256 KiB 的上限；请缩短后再检查。'],
  busy: ['Too many checks are waiting; try again in {s} s.', '等待中的检查太多；请 {s} 秒后再试。'],
  loading: ['Loading…', '加载中…'],
});

// A refusal as one sentence, in the current language.
export function errorSentence(res) {
  if (res.status === 0) return t('network');
  if (res.status === 401) return t('not_joined');
  if (res.status === 413) return t('too_large');
  if (res.status === 429) return t('busy', {s: res.retryAfter || '5'});
  const message = (res.data && (res.data.message || res.data.error)) || '';
  return t('error_status', {status: res.status, message});
}
