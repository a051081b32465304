import { lazy, useEffect, useState } from 'react'
import { sections } from './sections'
import { ThemeSwitch } from './components/ThemeSwitch'
import { api } from './api/client'
import { ContextSwitcher } from './contexts/ContextSwitcher'
import { useActiveContext } from './contexts/active-context'
import { useSessionRefused } from './api/useSessionRefused'
import { ExecApprovalDialog } from './exec/ExecApprovalDialog'
import { useExecApproval } from './exec/exec-approval-store'
import { NoticeArea } from './components/Notice'
import { useSidebarCollapsed } from './sidebar-state'
import { CommandPalette } from './palette/CommandPalette'
import { KindNav } from './sidebar/KindNav'
import { LazyView } from './components/LazyView'
import { parseKindHash } from './resources/generic/routes'
import { TerminalDock } from './terminal/TerminalDock'
import { Guide } from './guide/Guide'
import { useAfterFirstRows } from './boot/first-rows'

// A kind from discovery (#16) has its own chunk: a cold start on the Overview or Pods does not need it.
const KindSection = lazy(() =>
  import('./resources/generic/KindSection').then((m) => ({ default: m.KindSection })),
)

function sectionFromHash(): string {
  const id = window.location.hash.replace(/^#/, '')
  return sections.some((s) => s.id === id) ? id : 'overview'
}

export function App() {
  const [active, setActive] = useState(sectionFromHash)
  // `#kind/<id>`: a kind from discovery, shown in the generic view (#16).
  const [kindRoute, setKindRoute] = useState(() => parseKindHash(window.location.hash))
  useEffect(() => {
    const onHash = (): void => {
      setActive(sectionFromHash())
      setKindRoute(parseKindHash(window.location.hash))
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  const section = sections.find((s) => s.id === active) ?? sections[0]!
  const context = useActiveContext()
  const refused = useSessionRefused()
  // The guide's two watches wait for the first screen's rows (a cold start's critical path).
  const afterFirstRows = useAfterFirstRows()
  // Approving an exec plugin remounts the section so views that were refused start again.
  const { generation } = useExecApproval()
  const [collapsed, setCollapsed] = useSidebarCollapsed()

  return (
    <div className={collapsed ? 'app sidebar-collapsed' : 'app'}>
      <header className="app-header">
        <button
          type="button"
          className="secondary compact sidebar-toggle"
          aria-controls="app-sidebar"
          aria-expanded={!collapsed}
          aria-label={collapsed ? 'Show the sections sidebar' : 'Hide the sections sidebar'}
          title={collapsed ? 'Show sections' : 'Hide sections'}
          onClick={() => setCollapsed(!collapsed)}
        >
          ☰
        </button>
        <div className="brand">
          <img src="./icon.svg" alt="" width={24} height={24} />
          <span>Skiff</span>
        </div>
        <span className="transport-badge" title="How this window talks to Skiff’s backend">
          {api.transport === 'electron' ? 'Desktop' : 'Web mode'}
        </span>
        <div className="header-spacer" />
        <ContextSwitcher />
        <ThemeSwitch />
      </header>
      <CommandPalette />
      <nav id="app-sidebar" className="sidebar" aria-label="Sections" hidden={collapsed}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={s.id === active && !kindRoute ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
        <KindNav context={context.name} active={kindRoute?.id} />
        {/* In the sidebar's flow (it scrolls with it and never covers a link), and last: it appears after the
            first rows and changes size at every step, which above the kinds would move them under the pointer. */}
        {context.name?.startsWith('sandbox-') && !refused && afterFirstRows && (
          <Guide key={context.name} context={context.name} />
        )}
      </nav>
      <main className="content" aria-labelledby="section-title">
        {!kindRoute && <h1 id="section-title">{section.label}</h1>}
        {!kindRoute && <p className="section-summary">{section.summary}</p>}
        {refused ? (
          <div className="empty-state" role="alert">
            <p className="empty-title">This session is no longer authorised</p>
            <p>
              Skiff was restarted, or this page was opened without its key. Open the address Skiff printed
              when it started (<code>Skiff web UI: http://127.0.0.1:…/#token=…</code>).
            </p>
          </div>
        ) : (section.needsContext || kindRoute) && !context.name ? (
          <div className="empty-state">
            <p className="empty-title">No cluster selected</p>
            <p>
              {context.dangling
                ? `Your kubeconfig’s current context “${context.dangling}” no longer exists.`
                : 'Your kubeconfig has no current context.'}{' '}
              Create a cluster in <a href="#clusters">Clusters</a> (the sandbox needs nothing installed) or
              pick one in <a href="#contexts">Contexts</a>.
            </p>
          </div>
        ) : kindRoute ? (
          <LazyView what={kindRoute.id} key={`${context.name ?? ''}:${generation}`}>
            <KindSection context={context.name} route={kindRoute} />
          </LazyView>
        ) : (
          // Resource views are keyed by context so every watch restarts cleanly when it changes.
          <div key={`${section.needsContext ? (context.name ?? '') : section.id}:${generation}`}>
            <LazyView what={section.label}>{section.render(context.name)}</LazyView>
          </div>
        )}
      </main>
      <TerminalDock />
      <ExecApprovalDialog context={context.name} />
      <NoticeArea className="app-notices" />
    </div>
  )
}
