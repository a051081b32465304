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
      onClose={props.onClose}
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
