import type { ExecPluginInfo } from '@shared/contract'

/** The exact commands a kubeconfig's exec plugins run, one per line, as a person would type them. */
export function CommandList({ plugins }: { plugins: ExecPluginInfo[] }) {
  return (
    <ul className="command-list" aria-label="Commands">
      {plugins.map((p, i) => (
        <li key={i}>
          <code>{[p.command, ...p.args].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}</code>
          <span className="muted small"> for user “{p.user}”</span>
          {p.approved && <span className="pill ok">allowed before</span>}
        </li>
      ))}
    </ul>
  )
}
