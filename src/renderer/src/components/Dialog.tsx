import { useEffect, useRef, type ReactNode } from 'react'

/** A modal on the native <dialog>: focus trapping, Esc to close and the dialog role come from the browser. */
export function Dialog(props: {
  title: string
  open: boolean
  onClose: () => void
  children: ReactNode
  wide?: boolean
}) {
  const ref = useRef<HTMLDialogElement>(null)
  // The browser fires `close` a task after close() is called, also when this component closed the dialog
  // because `open` went false. By then the person may have typed on (or the dialog opened again), so only
  // a close the browser made on its own while `open` is still true is passed on.
  const openRef = useRef(props.open)
  openRef.current = props.open
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (props.open && !d.open) d.showModal()
    if (!props.open && d.open) d.close()
  }, [props.open])
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog wide' : 'dialog'}
      aria-label={props.title}
      onClose={(e) => {
        if (openRef.current && !e.currentTarget.open) props.onClose()
      }}
      onCancel={(e) => {
        e.preventDefault()
        props.onClose()
      }}
    >
      {props.open && (
        <>
          <h2 className="dialog-title">{props.title}</h2>
          {props.children}
        </>
      )}
    </dialog>
  )
}
