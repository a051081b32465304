/** One thing the command palette can do. */
export interface PaletteEntry {
  /** Unique across providers, e.g. `view:workloads`, `context:kind-dev`, `object:pods/demo/web-1`. */
  id: string
  /** Heading the entry is listed under: "Go to", "Switch context", "Selection", "Objects", "Create". */
  group: string
  title: string
  /** A second, quieter line: a server, a namespace. */
  detail?: string
  /** Extra words it is found by (not shown). */
  keywords?: string
  /** The key(s) that do the same without the palette, shown at the right. */
  shortcut?: string
  /** `viewOnly` is set when the person chose the entry with Shift+Enter (see contexts). */
  run: (how: { viewOnly: boolean }) => void
}

export interface PaletteQuery {
  /** What the person typed, trimmed and lower-cased. */
  text: string
}

/**
 * A source of entries: a React hook, called on every render of the open palette (so it may use queries and
 * context). Providers are registered once at start-up (see registry.ts), which keeps the hook order stable;
 * kinds discovered later (#16) add theirs the same way.
 */
export interface PaletteProvider {
  id: string
  /** Lower comes first when the query is empty. */
  order: number
  useEntries: (query: PaletteQuery) => PaletteEntry[]
  /**
   * What this provider is still loading, in words ("contexts"), or undefined once it has its data. A hook too,
   * called on every render. While something loads and nothing matches yet, Enter waits for it (see
   * CommandPalette): a person who types "bet" and Enter on a fresh start means the context, not nothing.
   */
  useLoading?: () => string | undefined
}
