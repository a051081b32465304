/** Cancel and the dialog's one action, which says it is working while the change runs. */
export function DialogButtons(props: {
  onClose: () => void
  busy: boolean
  label: string
  disabled?: boolean
  danger?: boolean
}) {
  return (
    <div className="dialog-buttons">
      <button type="button" className="secondary" onClick={props.onClose}>
        Cancel
      </button>
      <button
        type="submit"
        className={props.danger ? 'danger' : undefined}
        disabled={props.busy || props.disabled}
      >
        {props.busy ? 'Working…' : props.label}
      </button>
    </div>
  )
}
