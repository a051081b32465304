// Loaded only when an editor opens (dynamic import in CodeEditor.tsx): CodeMirror stays out of the first paint.
import { autocompletion, completionKeymap, type CompletionSource } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { yaml } from '@codemirror/lang-yaml'
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language'
import { forceLinting, linter, lintGutter, lintKeymap, type Diagnostic } from '@codemirror/lint'
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search'
import { EditorState } from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view'
import { classHighlighter } from '@lezer/highlight'
import { completeFields, fieldDocs, lintManifest, type SchemaSource } from './schema-help'
import { editorTheme } from './editor-theme'

export interface EditorOptions {
  parent: HTMLElement
  doc: string
  label: string
  readOnly?: boolean
  schemas: SchemaSource
  onChange: (text: string) => void
  /** Problems from outside (the API server's messages pinned to lines), shown with the editor's own. */
  extraHints: () => Diagnostic[]
}

export interface EditorHandle {
  setText(text: string): void
  /** Re-runs the checks (after extraHints changed). */
  relint(): void
  focusLine(line: number): void
  focus(): void
  destroy(): void
}

/**
 * Builds a CodeMirror 6 YAML editor inside a shadow root: CodeMirror's styles then go into an adopted
 * stylesheet, which Skiff's CSP (`style-src 'self'`, no inline styles) allows, instead of a <style> element.
 */
export function createEditor(opts: EditorOptions): EditorHandle {
  // React may mount twice (StrictMode): the host keeps its shadow root, so reuse it.
  const host = opts.parent.shadowRoot ?? opts.parent.attachShadow({ mode: 'open' })
  const complete: CompletionSource = async (ctx) => {
    const found = await completeFields(opts.schemas, ctx.state.doc.toString(), ctx.pos).catch(() => undefined)
    if (!found || (!ctx.explicit && found.from === ctx.pos)) return null
    return {
      from: found.from,
      validFor: /^[\w.-]*$/,
      options: found.options.map((o) => ({
        label: o.label,
        detail: o.type,
        info: o.info,
        apply: o.apply,
        type: 'property',
      })),
    }
  }
  const hover = hoverTooltip(async (view, pos) => {
    const docs = await fieldDocs(opts.schemas, view.state.doc.toString(), pos).catch(() => undefined)
    if (!docs) return null
    return {
      pos,
      create: () => {
        const dom = document.createElement('div')
        dom.className = 'cm-field-docs'
        const title = document.createElement('strong')
        title.textContent = `${docs.title} (${docs.type})`
        const text = document.createElement('p')
        text.textContent = docs.description ?? 'No description in the cluster’s schema.'
        dom.append(title, text)
        return { dom }
      },
    }
  })
  const lint = linter(
    async (view) => {
      const own = await lintManifest(opts.schemas, view.state.doc.toString()).catch(() => [])
      const max = view.state.doc.length
      return [...own, ...opts.extraHints()].map((d) => ({
        ...d,
        from: Math.min(d.from, max),
        to: Math.min(d.to, max),
      }))
    },
    { delay: 400 },
  )
  const view = new EditorView({
    root: host,
    parent: host,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        foldGutter(),
        drawSelection(),
        history(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        syntaxHighlighting(classHighlighter),
        yaml(),
        autocompletion({ override: [complete] }),
        hover,
        lint,
        lintGutter(),
        EditorState.tabSize.of(2),
        // Long values (images, paths) wrap instead of scrolling the keys out of a narrow panel.
        EditorView.lineWrapping,
        EditorState.readOnly.of(opts.readOnly === true),
        EditorView.contentAttributes.of({ 'aria-label': opts.label }),
        keymap.of([
          ...completionKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          ...searchKeymap,
          ...foldKeymap,
          ...lintKeymap,
          indentWithTab,
        ]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString())
        }),
        editorTheme,
      ],
    }),
  })
  return {
    setText(text) {
      if (text !== view.state.doc.toString())
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } })
    },
    relint: () => forceLinting(view),
    focusLine(line) {
      const l = view.state.doc.line(Math.max(1, Math.min(line, view.state.doc.lines)))
      view.dispatch({ selection: { anchor: l.from }, scrollIntoView: true })
      view.focus()
    },
    focus: () => view.focus(),
    destroy() {
      view.destroy()
      host.replaceChildren()
    },
  }
}
