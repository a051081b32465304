import { EditorView } from '@codemirror/view'

// Colours come from Skiff's CSS variables, which inherit into the editor's shadow root: one theme object serves
// light and dark, and switching the app's theme restyles the editor with no code.
export const editorTheme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    fontSize: '12.5px',
    height: '100%',
  },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-1px' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    lineHeight: '1.55',
  },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-2)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 14%, transparent)',
    color: 'var(--text)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)',
  },
  '.cm-selectionMatch': { backgroundColor: 'color-mix(in srgb, var(--accent) 15%, transparent)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    boxShadow: '0 6px 20px rgb(0 0 0 / 0.18)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--accent-text)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionDetail': {
    color: 'inherit',
    opacity: 0.85,
  },
  '.cm-completionDetail': { color: 'var(--muted)', marginLeft: '1em', fontStyle: 'normal' },
  '.cm-completionInfo': { maxWidth: '420px', padding: '6px 10px', whiteSpace: 'pre-wrap' },
  '.cm-field-docs': {
    maxWidth: '460px',
    padding: '6px 10px',
    fontFamily: 'system-ui, sans-serif',
    fontSize: '12.5px',
  },
  '.cm-field-docs p': { margin: '4px 0 0' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--err-text)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warn-text)' },
  '.cm-panels': { backgroundColor: 'var(--surface-2)', color: 'var(--text)' },
  '.cm-panels input, .cm-panels button': { color: 'var(--text)', backgroundColor: 'var(--surface)' },
  '.tok-propertyName, .tok-definition': { color: 'var(--accent)' },
  '.tok-string': { color: 'var(--ok-text)' },
  '.tok-number, .tok-bool, .tok-null, .tok-atom, .tok-keyword': { color: 'var(--warn-text)' },
  '.tok-comment': { color: 'var(--muted)', fontStyle: 'italic' },
  '.tok-punctuation, .tok-meta': { color: 'var(--muted)' },
  '.tok-invalid': { color: 'var(--err-text)' },
})
