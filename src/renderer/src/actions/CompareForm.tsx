import { useState } from 'react'

/** Pick any two revisions to see their pod templates side by side. */
export function CompareForm(props: {
  revisions: number[]
  onCompare: (base: number, revision: number) => void
}) {
  const sorted = [...props.revisions].sort((a, b) => a - b)
  const [base, setBase] = useState(sorted[sorted.length - 2] ?? sorted[0] ?? 1)
  const [revision, setRevision] = useState(sorted[sorted.length - 1] ?? 1)
  const select = (label: string, value: number, set: (n: number) => void) => (
    <select aria-label={label} value={value} onChange={(e) => set(Number(e.target.value))}>
      {sorted.map((r) => (
        <option key={r} value={r}>
          Revision {r}
        </option>
      ))}
    </select>
  )
  return (
    <form
      className="set-image"
      onSubmit={(e) => {
        e.preventDefault()
        props.onCompare(base, revision)
      }}
    >
      {select('Compare from', base, setBase)}
      <span>with</span>
      {select('Compare to', revision, setRevision)}
      <button type="submit" className="secondary" disabled={base === revision}>
        Compare
      </button>
    </form>
  )
}
