import { Component, Suspense, type ReactNode } from 'react'
import { ErrorBox } from './ErrorBox'

/**
 * A view whose script is a chunk of its own, loaded on first use so that it is not in the first paint
 * (docs/performance.md, cold start). While it loads: nothing for a moment, then a quiet "Loading…" (a delayed
 * fade-in in CSS, so a fast load never flashes). A chunk that cannot load (the server went away, or was
 * updated) says so in plain words instead of taking the whole window down.
 */
export function LazyView({ what, children }: { what: string; children: ReactNode }): ReactNode {
  return (
    <LoadBoundary what={what}>
      <Suspense
        fallback={
          <p className="muted lazy-loading" role="status">
            Loading {what}…
          </p>
        }
      >
        {children}
      </Suspense>
    </LoadBoundary>
  )
}

class LoadBoundary extends Component<{ what: string; children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {}

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div>
        <ErrorBox
          title={`Could not show ${this.props.what}`}
          error={new Error(`${error.message} Reloading the page usually helps.`)}
        />
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    )
  }
}
