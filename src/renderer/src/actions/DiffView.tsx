import { diffLines } from './line-diff'
import './actions.css'

/** Two pod templates side by side, removed lines red on the left and added lines green on the right. */
export function DiffView(props: { leftTitle: string; left: string; rightTitle: string; right: string }) {
  const rows = diffLines(props.left, props.right)
  const changes = rows.filter((r) => r.kind !== 'same').length
  const side = (which: 'left' | 'right') => (
    <div className="diff-side" aria-label={which === 'left' ? props.leftTitle : props.rightTitle}>
      <h3>{which === 'left' ? props.leftTitle : props.rightTitle}</h3>
      {rows.map((r, i) => {
        const text = r[which]
        const kind =
          text === undefined ? 'blank' : r.kind === 'same' ? 'same' : which === 'left' ? 'removed' : 'added'
        return (
          <div key={i} className={`diff-line ${kind}`} data-kind={kind}>
            {text ?? ''}
          </div>
        )
      })}
    </div>
  )
  return (
    <div>
      <p className="revision-meta">
        {changes === 0
          ? 'The templates are identical.'
          : `${changes} changed line${changes === 1 ? '' : 's'}.`}
      </p>
      <div className="diff-view">
        {side('left')}
        {side('right')}
      </div>
    </div>
  )
}
