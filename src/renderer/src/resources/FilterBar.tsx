import { useId, type ReactNode, type Ref } from 'react'

export interface FilterBarProps {
  text: string
  onText: (text: string) => void
  selector: string
  onSelector: (selector: string) => void
  /** Why the selector is refused, if it is. */
  selectorError?: string
  textRef?: Ref<HTMLInputElement>
  noun: string
}

/** The text filter (focused by `/`) and the label-selector filter with its validation message. */
export function FilterBar(props: FilterBarProps): ReactNode {
  const id = useId()
  return (
    <>
      <div className="rv-field">
        <label className="sr-only" htmlFor={`${id}-text`}>
          Filter {props.noun}
        </label>
        <input
          id={`${id}-text`}
          ref={props.textRef}
          type="search"
          placeholder={`Filter ${props.noun}…  ( / )`}
          value={props.text}
          onChange={(e) => props.onText(e.target.value)}
        />
      </div>
      <div className="rv-field">
        <label className="sr-only" htmlFor={`${id}-selector`}>
          Label selector
        </label>
        <input
          id={`${id}-selector`}
          type="text"
          className="mono"
          placeholder="Labels, e.g. app=web,tier!=db"
          spellCheck={false}
          value={props.selector}
          aria-invalid={props.selectorError ? true : undefined}
          aria-describedby={props.selectorError ? `${id}-selector-error` : undefined}
          onChange={(e) => props.onSelector(e.target.value)}
        />
        {props.selectorError && (
          <span id={`${id}-selector-error`} className="rv-field-error" role="alert">
            {props.selectorError}
          </span>
        )}
      </div>
    </>
  )
}
