// The learner's code editor: CodeMirror 6 with C++ highlighting, bundled by
// esbuild into one classic script (iife) that the pages load as
// /static/editor.js. The pages are plain scripts without a build step, so
// the bundle hands them a tiny global API instead of CodeMirror's own:
//
//   const ed = window.JudgeEditor.create(host, {doc, onChange, onCheck, label});
//   ed.getDoc(); ed.setDoc(text); ed.focus(); ed.setReadOnly(bool);
//
// onChange(text) runs after every edit of the text (the page debounces its
// autosave); onCheck() runs on Ctrl+Enter / Cmd+Enter.
import {basicSetup} from 'codemirror';
import {EditorView, keymap} from '@codemirror/view';
import {EditorState, Compartment, Prec} from '@codemirror/state';
import {indentWithTab} from '@codemirror/commands';
import {indentUnit} from '@codemirror/language';
import {cpp} from '@codemirror/lang-cpp';

// The editor lives in a shadow root, and its styles with it. CodeMirror's
// style-mod injects a <style> element into a document, which the pages' CSP
// (style-src 'self', no 'unsafe-inline') blocks; inside a shadow root it
// uses a constructed stylesheet (adoptedStyleSheets), which CSP allows. So
// app.css cannot reach in: this theme holds the editor's look. The pages'
// CSS variables (--mono) do cross the shadow boundary.
const theme = EditorView.theme({
  '&': {height: '100%', fontSize: '.9rem', backgroundColor: '#fff'},
  '&.cm-focused': {outline: 'none'},
  '.cm-scroller': {fontFamily: 'var(--mono, monospace)', lineHeight: '1.45'},
  '.cm-gutters': {backgroundColor: '#f3f4f5', borderRight: '1px solid #d9dcdf'},
});

function shadowOf(host) {
  const root = host.shadowRoot || host.attachShadow({mode: 'open'});
  root.replaceChildren();
  return root;
}

function create(host, options = {}) {
  const onChange = options.onChange || (() => {});
  const onCheck = options.onCheck || (() => {});
  const readOnly = new Compartment();
  // Mod-Enter is "insert blank line" in CodeMirror's default keymap; the
  // highest precedence makes it "check" here, as the page promises.
  const checkKeys = Prec.highest(keymap.of([
    {key: 'Mod-Enter', preventDefault: true, run: () => { onCheck(); return true; }},
  ]));
  const root = shadowOf(host);
  const view = new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc: options.doc || '',
      extensions: [
        checkKeys,
        basicSetup,
        // Tab indents, as in any code editor; Escape then Tab still leaves
        // the editor for keyboard users (CodeMirror's tab-focus mode).
        keymap.of([indentWithTab]),
        indentUnit.of('  '),
        cpp(),
        theme,
        readOnly.of(EditorState.readOnly.of(false)),
        EditorView.contentAttributes.of({'aria-label': options.label || 'C++ code'}),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  return {
    getDoc: () => view.state.doc.toString(),
    // Replaces the whole text as one undoable change, so Ctrl+Z after a
    // "reset to stub" brings the learner's code back.
    setDoc(text) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}});
    },
    setReadOnly(on) {
      view.dispatch({effects: readOnly.reconfigure(EditorState.readOnly.of(!!on))});
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
    view,
  };
}

window.JudgeEditor = {create};
