import type { Detection } from '@shared/contract'

const names: Record<Detection['provider'], string> = {
  kind: 'kind',
  minikube: 'minikube',
  sandbox: 'Sandbox',
}

/** What each provider needs, what is missing, and where to get it. */
export function PrerequisitesCard({ detections, pending }: { detections: Detection[]; pending: boolean }) {
  return (
    <section className="card" aria-labelledby="prereq-title">
      <h2 id="prereq-title">What this machine has</h2>
      {pending && <p className="muted">Looking for kind, minikube, Docker and Podman…</p>}
      <div className="prereq-grid">
        {detections.map((d) => (
          <div
            key={d.provider}
            className="prereq"
            aria-label={`${names[d.provider]} prerequisites`}
            role="group"
          >
            <h3>
              {names[d.provider]}{' '}
              <span className={`pill ${d.ready ? 'ok' : 'warn'}`}>{d.ready ? 'ready' : 'needs set-up'}</span>
            </h3>
            <ul>
              {d.checks.map((c) => (
                <li key={c.id + c.label}>
                  <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> {c.label}
                  {c.version && <span className="muted small"> {c.version}</span>}
                  {!c.ok && c.explanation && <div className="small">{c.explanation}</div>}
                  {!c.ok && c.installUrl && (
                    <a href={c.installUrl} target="_blank" rel="noreferrer" className="small">
                      How to install
                    </a>
                  )}
                </li>
              ))}
            </ul>
            {!d.ready && d.provider !== 'sandbox' && (
              <p className="muted small">
                Meanwhile the sandbox gives you a simulated cluster with nothing to install.
              </p>
            )}
          </div>
        ))}
      </div>
    </section>
  )
}
