// The organiser's page: add learners (one, or a file of names) and hand out
// their join links, watch the room's heat map, export the reports.
import {api, setCsrf, t, pick, addStrings, applyI18n, bindLangToggle, onLangChange, el, clear, show,
  errorSentence, say, sayText} from './common.js';
import {createHeat} from './organiser-heat.js';

addStrings({
  org_title: ['Practice room: organiser', '练习室：组织者'],
  add_learners: ['Add learners', '添加学员'],
  name: ['Name', '姓名'],
  add: ['Add', '添加'],
  or: ['or', '或'],
  from_file: ['Add from a file of names (one per line):', '从名单文件添加（每行一个姓名）：'],
  links_once: ['Join links are shown only once: copy them or download them now.',
    '加入链接只显示这一次：请现在复制或下载。'],
  download_csv: ['Download links as CSV', '下载链接（CSV）'],
  join_link: ['Join link', '加入链接'],
  copy: ['Copy', '复制'],
  copied: ['Copied', '已复制'],
  added: ['Added {n}.', '已添加 {n} 人。'],
  adding: ['Adding…', '添加中…'],
  file_empty: ['The file has no names.', '文件中没有姓名。'],
  file_too_many: ['At most 500 names at a time; the file has {n}.', '一次最多 500 个姓名；该文件有 {n} 个。'],
  file_unreadable: ['The file could not be read.', '无法读取该文件。'],
  room: ['Room', '练习室'],
  exports: ['Reports', '报告'],
  export: ['Export reports', '导出报告'],
  exporting: ['Exporting…', '导出中…'],
  exported: ['Written to exports/{name}/', '已写入 exports/{name}/'],
});

const $ = (id) => document.getElementById(id);
const created = [];  // every learner added in this tab, with the link shown once
let noticeKey = null;
const heat = createHeat();

function notice(key, text) {
  noticeKey = key;
  $('notice').textContent = key ? t(key) : text;
  show($('notice'), true);
  show($('org'), false);
}

// ---- Adding learners -------------------------------------------------------

async function addLearners(body) {
  say($('add-state'), 'adding');
  const res = await api('POST', '/api/v1/learners', body);
  if (res.status !== 201 && res.status !== 200) {
    sayText($('add-state'), errorSentence(res));
    return false;
  }
  const added = res.data?.learners || (res.data ? [res.data] : []);
  created.push(...added);
  say($('add-state'), 'added', {n: added.length});
  renderLinks();
  heat.poke();
  return true;
}

function renderLinks() {
  show($('links-box'), created.length > 0);
  const body = clear($('links'));
  for (const learner of created) {
    const copy = el('button', {type: 'button', class: 'copy'}, t('copy'));
    copy.addEventListener('click', async () => {
      if (await copyText(learner.join_url)) {
        copy.textContent = t('copied');
        setTimeout(() => { copy.textContent = t('copy'); }, 1500);
      }
    });
    body.append(el('tr', null, el('td', null, learner.name),
      el('td', {class: 'url'}, el('a', {href: learner.join_url, rel: 'noreferrer'}, learner.join_url)),
      el('td', null, copy)));
  }
}

// The clipboard API needs a secure context (loopback counts); a room served
// on a LAN address over http falls back to the older copy command.
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = el('textarea', {class: 'offscreen', readonly: true});
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

// A spreadsheet would run a cell that starts with = + - @ as a formula; such a
// name gets a leading apostrophe, and quotes are doubled.
function csvField(value) {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

$('links-csv').addEventListener('click', () => {
  const lines = ['name,join_url', ...created.map((l) => `${csvField(l.name)},${csvField(l.join_url)}`)];
  const blob = new Blob([`\ufeff${lines.join('\r\n')}\r\n`], {type: 'text/csv;charset=utf-8'});
  const url = URL.createObjectURL(blob);
  const a = el('a', {href: url, download: 'join-links.csv'});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});

$('add-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = $('add-name').value.trim();
  if (!name) return;
  if (await addLearners({name})) $('add-name').value = '';
});

$('add-file').addEventListener('change', () => {
  const file = $('add-file').files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = async () => {
    const names = String(reader.result).replace(/^\ufeff/, '').split(/\r\n|\r|\n/)
      .map((s) => s.trim()).filter((s) => s !== '');
    if (names.length === 0) say($('add-state'), 'file_empty');
    else if (names.length > 500) say($('add-state'), 'file_too_many', {n: names.length});
    else await addLearners({names});
    $('add-file').value = '';
  };
  reader.onerror = () => { say($('add-state'), 'file_unreadable'); };
  reader.readAsText(file);
});

// ---- Exports ---------------------------------------------------------------

$('export').addEventListener('click', async () => {
  $('export').disabled = true;
  say($('export-state'), 'exporting');
  const res = await api('POST', '/api/v1/exports');
  $('export').disabled = false;
  if (res.status !== 201 && res.status !== 200) {
    sayText($('export-state'), errorSentence(res));
    return;
  }
  const {name, files} = res.data;
  say($('export-state'), 'exported', {name});
  const list = clear($('exports'));
  for (const file of files || []) {
    // Each path segment is encoded; learners/X.json keeps its slash.
    const href = `/api/v1/exports/${encodeURIComponent(name)}/${String(file).split('/').map(encodeURIComponent).join('/')}`;
    // report.html carries its own inline script and style, which the room's
    // CSP blocks when it is opened from here: it is saved and opened from disk.
    const html = /\.html$/.test(file);
    list.append(el('li', null, el('a', {href, target: html ? null : '_blank', rel: 'noopener',
      download: html ? String(file).split('/').pop() : null}, file)));
  }
});

// ---- Start -----------------------------------------------------------------

onLangChange(() => {
  if (noticeKey) $('notice').textContent = t(noticeKey);
  renderLinks();
  heat.relabel();
});

async function boot() {
  applyI18n();
  bindLangToggle($('lang-toggle'));
  const res = await api('GET', '/api/v1/session');
  if (res.status === 401) return notice('not_organiser');
  if (res.status !== 200 || !res.data) return notice(null, errorSentence(res));
  if (res.data.role !== 'organiser') return notice('not_organiser');
  setCsrf(res.data.csrf);
  $('set-title').textContent = res.data.set ? pick(res.data.set.title) : '';
  onLangChange(() => { $('set-title').textContent = res.data.set ? pick(res.data.set.title) : ''; });
  show($('org'), true);
  heat.start();
}

boot();
