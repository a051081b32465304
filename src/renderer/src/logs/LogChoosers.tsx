export interface LogChoices {
  container?: string
  previous: boolean
  tailLines?: number
  sinceSeconds?: number
  timestamps: boolean
}

const TAILS: [string, number | undefined][] = [
  ['Last 100 lines', 100],
  ['Last 1,000 lines', 1000],
  ['Last 10,000 lines', 10_000],
  ['All lines', undefined],
]
const SINCES: [string, number | undefined][] = [
  ['Any time', undefined],
  ['Last 5 minutes', 300],
  ['Last hour', 3600],
  ['Last day', 86_400],
]

export const defaultChoices: LogChoices = { previous: false, tailLines: 1000, timestamps: false }

/** The pods/log options kubectl offers, as selects and checkboxes. */
export function LogChoosers(props: {
  value: LogChoices
  onChange: (next: LogChoices) => void
  containers: string[]
  /** The previous instance only makes sense for one pod. */
  allowPrevious?: boolean
}) {
  const { value, onChange, containers } = props
  const set = (patch: Partial<LogChoices>): void => onChange({ ...value, ...patch })
  return (
    <>
      {containers.length > 1 && (
        <select
          aria-label="Container"
          value={value.container ?? containers[0]}
          onChange={(e) => set({ container: e.target.value })}
        >
          {containers.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )}
      <select
        aria-label="Tail"
        value={String(value.tailLines ?? 'all')}
        onChange={(e) => set({ tailLines: e.target.value === 'all' ? undefined : Number(e.target.value) })}
      >
        {TAILS.map(([label, n]) => (
          <option key={label} value={String(n ?? 'all')}>
            {label}
          </option>
        ))}
      </select>
      <select
        aria-label="Since"
        value={String(value.sinceSeconds ?? 'any')}
        onChange={(e) => set({ sinceSeconds: e.target.value === 'any' ? undefined : Number(e.target.value) })}
      >
        {SINCES.map(([label, n]) => (
          <option key={label} value={String(n ?? 'any')}>
            {label}
          </option>
        ))}
      </select>
      {props.allowPrevious && (
        <label className="log-toggle">
          <input
            type="checkbox"
            checked={value.previous}
            onChange={(e) => set({ previous: e.target.checked })}
          />{' '}
          Previous instance
        </label>
      )}
      <label className="log-toggle">
        <input
          type="checkbox"
          checked={value.timestamps}
          onChange={(e) => set({ timestamps: e.target.checked })}
        />{' '}
        Timestamps
      </label>
    </>
  )
}
