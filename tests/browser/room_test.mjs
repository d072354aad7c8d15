// A practice room in a real headless Chromium against a real `judge serve`:
// a learner joins, writes softmax in the editor, checks it and sees it pass;
// then a version without the max shift fails with the stability group's note;
// the organiser's heat map follows without a reload. Along the way: no
// request leaves the loopback address, and the CSP reports no violation.
//
//   node tests/browser/room_test.mjs --judge build/judge \
//        --node-modules build/web-npm/node_modules [--chromium /usr/bin/chromium] [--keep]
//
// (also JUDGE_BINARY, JUDGE_WEB_NODE_MODULES, CHROMIUM). Exits 0 when every
// step passed, 1 with the failing step's reason otherwise.
import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function arg(name, env, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  return process.env[env] || fallback;
}
const judgeBinary = path.resolve(arg('judge', 'JUDGE_BINARY', path.join(root, 'build/judge')));
const nodeModules = path.resolve(arg('node-modules', 'JUDGE_WEB_NODE_MODULES', path.join(root, 'build/web-npm/node_modules')));
const chromiumPath = path.resolve(arg('chromium', 'CHROMIUM', '/usr/bin/chromium'));
const keep = process.argv.includes('--keep');
const SET = 'softmax-basics';
const CHECK_TIMEOUT_MS = 240_000;  // a first check builds the reference; a sanitizer build is slow
// From problems/softmax.yaml: the stability group's note (en, zh) and the title (zh).
const STABILITY_NOTE = 'Subtract the maximum before exp';
const ZH_STABILITY_NOTE = '取指数之前先减去最大值';
const ZH_TITLE = '向量的数值稳定 softmax';

const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}`);
class Failure extends Error {}
const fail = (msg) => { throw new Failure(msg); };
const expect = (cond, msg) => { if (!cond) fail(msg); };

for (const [what, p] of [['judge binary', judgeBinary], ['node_modules', nodeModules], ['chromium', chromiumPath]]) {
  if (!fs.existsSync(p)) {
    console.error(`FAIL: the ${what} is missing: ${p}` +
      (what === 'chromium' ? ' (apt-get install chromium, or JUDGE_EXTRA_PACKAGES=chromium scripts/setup.sh)'
        : what === 'node_modules' ? ' (build the judge_web target first)' : ''));
    process.exit(1);
  }
}
// playwright-core comes from the build directory's npm ci, not from a
// node_modules beside this file; it drives Debian's chromium, never a download.
const {chromium} = createRequire(path.join(nodeModules, 'noop.js'))('playwright-core');

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'judge-browser-'));
const dataDir = path.join(scratch, 'data');
fs.mkdirSync(dataDir);
let server = null;
let serverErr = '';
const contexts = [];

// ---- The server --------------------------------------------------------------

function startServer() {
  return new Promise((resolve, reject) => {
    const args = ['serve', '--host', '127.0.0.1', '--port', '0', '--data', dataDir, '--set', SET];
    log(`starting ${judgeBinary} ${args.join(' ')}`);
    server = spawn(judgeBinary, args, {stdio: ['ignore', 'pipe', 'pipe']});
    let out = '';
    const timer = setTimeout(() => reject(new Failure(
      `judge serve printed no Room:/Organiser: lines within 120 s; stdout:\n${out}\nstderr:\n${serverErr}`)), 120_000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const room = /^Room:\s+(http:\/\/\S+)$/m.exec(out);
      const organiser = /^Organiser:\s+(http:\/\/\S+\/join\/(\S+))$/m.exec(out);
      if (room && organiser) {
        clearTimeout(timer);
        resolve({room: room[1], organiserUrl: organiser[1], organiserToken: organiser[2]});
      }
    });
    server.stderr.on('data', (chunk) => { serverErr = (serverErr + chunk).slice(-20000); });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Failure(`judge serve exited early (code ${code}, signal ${signal}); stderr:\n${serverErr}`));
    });
  });
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

// ---- The browser -------------------------------------------------------------

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const problems = [];  // what every page did wrong: a request off the machine, a CSP violation, an error

function isLoopback(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  const {hostname} = new URL(url);
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

// Each role gets its own browser profile (a fresh user-data dir), so their
// session cookies for the same origin stay apart.
async function openBrowser(name) {
  const profile = fs.mkdtempSync(path.join(scratch, `profile-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS, viewport: {width: 1400, height: 1000},
  });
  contexts.push(context);
  // Violations also reach the console, but the event names the directive.
  await context.addInitScript(() => {
    // The editor's lines, read through its (open) shadow root.
    window.editorText = () => [...(document.querySelector('#editor')?.shadowRoot?.querySelectorAll('.cm-line') || [])]
      .map((l) => l.textContent).join('\n');
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(90_000);  // ctest runs this beside BankVerify on 2 cores
  page.on('request', (req) => {
    if (!isLoopback(req.url())) problems.push(`${name}: a request left the machine: ${req.url()}`);
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(text)) problems.push(`${name}: CSP: ${text}`);
    else if (msg.type() === 'error' && !/status of 40[134]/.test(text)) problems.push(`${name}: console error: ${text}`);
  });
  page.on('pageerror', (e) => problems.push(`${name}: uncaught: ${e.message}`));
  return page;
}

async function cspViolations(page, name) {
  const found = await page.evaluate(() => window.__csp || []);
  for (const v of found) problems.push(`${name}: CSP violation: ${v}`);
}

// Replaces the editor's text the way a person would: click into it, select
// all, and type (insertText is one input event, like a paste or an IME).
async function setCode(page, text) {
  await page.click('#editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  // CodeMirror's auto-indent and bracket closing must not have changed it.
  const got = await page.evaluate(() => editorText());
  expect(got.replace(/\s+/g, '') === text.replace(/\s+/g, ''),
    `the editor holds something else than what was typed:\n${got}`);
}

async function waitForResult(page, what) {
  await page.waitForSelector('#result-box .summary, #result-box .error, #result-box .verdict',
    {timeout: CHECK_TIMEOUT_MS});
  const text = await page.textContent('#result-box');
  log(`${what}: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
  return text;
}

// A learner-style file without the stub's comments: correct float softmax.
const CORRECT = `#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 0) return x;
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
`;
// solutions/softmax/wrong/no_max_shift.cpp: exp(1000) overflows to inf.
const NO_MAX_SHIFT = `#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const Eigen::VectorXf e = x.array().exp();
  return e / e.sum();
}
`;

// ---- The room ----------------------------------------------------------------

async function main() {
  const {room, organiserUrl, organiserToken} = await startServer();
  log(`room ${room}, organiser ${organiserUrl}`);
  const origin = new URL(room).origin;

  // A learner, made through the API as an LMS would; the name holds markup,
  // which every page must show as text.
  const name = 'Ada <b>Lovelace</b> & "Q"';
  const res = await fetch(`${origin}/api/v1/learners`, {
    method: 'POST',
    headers: {'Authorization': `Bearer ${organiserToken}`, 'Content-Type': 'application/json'},
    body: JSON.stringify({name}),
  });
  const answer = await res.text();
  expect(res.status === 201, `POST /api/v1/learners answered ${res.status}: ${answer}`);
  const learner = JSON.parse(answer);
  expect(learner.join_url && learner.id != null, `no join_url or id in ${JSON.stringify(learner)}`);
  const joinUrl = learner.join_url.replace(/^http:\/\/[^/]+/, origin);  // the printed host may differ
  log(`learner ${learner.id}: ${joinUrl}`);

  const page = await openBrowser('learner');
  // Without a session the page says how to get one.
  await page.goto(room);
  await page.waitForSelector('#notice:not([hidden])');
  expect((await page.textContent('#notice')).includes('join link'),
    `without a session the page says: ${await page.textContent('#notice')}`);

  await page.goto(joinUrl);
  expect(new URL(page.url()).pathname === '/', `the join link led to ${page.url()}, not /`);
  await page.waitForSelector('#problem-list button[data-problem="softmax"]');
  expect((await page.textContent('#who')).includes(name), `the learner's name is not shown as text`);
  expect(await page.locator('#who b').count() === 0, 'the learner\'s name was parsed as HTML');
  await page.click('#problem-list button[data-problem="softmax"]');
  await page.waitForSelector('#editor .cm-content');
  await page.waitForFunction(() => editorText().includes('softmax'));
  expect((await page.textContent('#p-statement')).includes('exp(x[i] - max(x))'), 'the statement is not shown');
  log('softmax is open with its stub');

  // A hint, and a quiz choice with the model answer.
  await page.click('#hint-more');
  await page.waitForSelector('#hints li');
  expect((await page.textContent('#hints li')).includes('maxCoeff'), 'the first hint is not shown');
  await page.click('#quiz .choice >> nth=1');
  await page.waitForSelector('#quiz .model-answer');
  log('a hint and a quiz answer are shown');

  await setCode(page, CORRECT);
  await page.click('#check');
  const passed = await waitForResult(page, 'correct softmax');
  expect(await page.locator('#result-box .summary.ok').count() === 1, `the correct softmax did not pass: ${passed}`);
  await page.waitForSelector('#problem-list button[data-problem="softmax"] .badge.status-passed');
  await page.waitForSelector('#solution-box:not([hidden])');

  // The organiser opens the room and sees the pass; the page is not reloaded
  // from here on (a marker in the window would be lost by a reload).
  const org = await openBrowser('organiser');
  await org.goto(organiserUrl);
  expect(new URL(org.url()).pathname === '/organiser', `the organiser link led to ${org.url()}`);
  const cell = `#heat button[data-cell="${learner.id}/softmax"]`;
  await org.waitForSelector(`${cell}[data-state="passed"]`);
  await org.evaluate(() => { window.__notReloaded = true; });
  log(`organiser sees ${await org.textContent(cell)} passed`);

  // The same learner without the max shift: Ctrl+Enter checks.
  await setCode(page, NO_MAX_SHIFT);
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('#check-state.spinning', {timeout: 10_000}).catch(() => {});
  const failed = await waitForResult(page, 'no max shift');
  expect(await page.locator('#result-box .summary.bad').count() === 1, `the file without the max shift passed: ${failed}`);
  expect(await page.locator('#result-box .group-line.bad[data-group="stability"]').count() === 1,
    'the stability group is not marked as failing');
  expect((await page.textContent('#result-box .failure .note') || '').includes(STABILITY_NOTE),
    `the stability group's note is not shown: ${failed}`);

  await org.waitForSelector(`${cell}[data-state="failed"]`, {timeout: 90_000});
  expect(await org.evaluate(() => window.__notReloaded === true), 'the organiser page was reloaded');
  await org.click(cell);
  await org.waitForSelector('#detail .result .summary');
  expect((await org.textContent('#detail pre.code')).includes('x.array().exp()'), 'the cell does not show the latest code');
  expect((await org.textContent('#detail')).includes(STABILITY_NOTE), 'the cell does not show the failing group\'s note');
  expect(await org.locator('#heat b').count() === 0, 'the learner\'s name was parsed as HTML in the heat map');
  log('organiser sees the failure without a reload');

  // A reload keeps the learner's draft (saved on check, and after typing).
  await page.reload();
  await page.waitForFunction(() => editorText().includes('x.array().exp()'));
  log('the draft survived a reload');

  // Chinese, remembered across a reload; the latest result comes back with
  // the group's note in Chinese.
  await page.click('#lang-toggle button[data-lang="zh"]');
  await page.reload();
  await page.waitForFunction((title) => document.querySelector('#p-title')?.textContent === title, ZH_TITLE);
  await page.waitForFunction((note) => document.querySelector('#result-box .failure .note')?.textContent.includes(note),
    ZH_STABILITY_NOTE, {timeout: 90_000});
  log('the page is in Chinese after a reload, with the latest result');

  await cspViolations(page, 'learner');
  await cspViolations(org, 'organiser');
  expect(problems.length === 0, `the pages did something wrong:\n  ${problems.join('\n  ')}`);
}

let code = 0;
try {
  await main();
  log('PASS: BrowserRoom');
} catch (e) {
  code = 1;
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack || e}`);
  if (problems.length) console.error(`also:\n  ${problems.join('\n  ')}`);
  for (const [i, c] of contexts.entries()) {
    for (const p of c.pages()) {
      const shot = path.join(os.tmpdir(), `judge-browser-fail-${process.pid}-${i}.png`);
      await p.screenshot({path: shot, fullPage: true}).then(() => console.error(`screenshot: ${shot}`), () => {});
    }
  }
  if (serverErr) console.error(`judge serve's stderr (last lines):\n${serverErr.split('\n').slice(-40).join('\n')}`);
} finally {
  for (const c of contexts) await c.close().catch(() => {});
  await stopServer();
  if (!keep) fs.rmSync(scratch, {recursive: true, force: true});
  else console.log(`kept ${scratch}`);
}
process.exit(code);
