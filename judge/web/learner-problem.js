// The problem's text: title, difficulty, statement, signatures and sample, in
// the current language. Redrawn whole when the language changes.
import {t, pick, addStrings, el, clear, show, renderStatement} from './common.js';

addStrings({
  easy: ['easy', '简单'],
  medium: ['medium', '中等'],
  hard: ['hard', '困难'],
  track: ['track {track}', '路线 {track}'],
  sample_input: ['input', '输入'],
  sample_output: ['output', '输出'],
  sample_case: ['case', '用例'],
});

export function renderProblem(detail) {
  const $ = (id) => document.getElementById(id);
  $('p-title').textContent = pick(detail.title) || detail.id;
  const meta = clear($('p-meta'));
  meta.append(el('span', {class: `difficulty d-${detail.difficulty || 'medium'}`}, t(detail.difficulty || 'medium')),
    ' · ', el('span', null, t('track', {track: detail.track || ''})),
    ' · ', el('code', null, detail.id));
  clear($('p-statement')).append(renderStatement(pick(detail.statement)));
  $('p-signatures').textContent = (detail.signatures || []).join('\n');
  // `samples` (the sample group's cases); `sample`, one case with its output,
  // is the contract's first draft and still read.
  const samples = detail.samples || (detail.sample ? [detail.sample] : []);
  show($('p-sample-box'), samples.length > 0);
  const dl = clear($('p-sample'));
  for (const sample of samples) {
    dl.append(el('dt', null, t('sample_case')), el('dd', null, el('code', null, sample.case || '')));
    dl.append(el('dt', null, t('sample_input')), el('dd', null, el('pre', {class: 'inline-pre'}, sample.inputs || '')));
    if (sample.output != null) {
      dl.append(el('dt', null, t('sample_output')),
        el('dd', null, el('pre', {class: 'inline-pre'}, String(sample.output))));
    }
  }
}
