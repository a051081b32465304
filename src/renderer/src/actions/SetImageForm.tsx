import { useState } from 'react'

/** Container + image fields; submitting makes a new revision (and records why, for the timeline). */
export function SetImageForm(props: {
  containers: string[]
  disabled?: boolean
  onSubmit: (container: string, image: string) => void
}) {
  const [container, setContainer] = useState(props.containers[0] ?? '')
  const [image, setImage] = useState('')
  const valid = container !== '' && /^\S+$/.test(image)
  return (
    <form
      className="set-image"
      onSubmit={(e) => {
        e.preventDefault()
        if (!valid) return
        props.onSubmit(container, image.trim())
        setImage('')
      }}
    >
      {props.containers.length > 1 && (
        <select aria-label="Container" value={container} onChange={(e) => setContainer(e.target.value)}>
          {props.containers.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      )}
      <input
        type="text"
        aria-label={`New image for ${container}`}
        placeholder="image, e.g. nginx:1.27"
        value={image}
        onChange={(e) => setImage(e.target.value)}
      />
      <button type="submit" className="secondary" disabled={props.disabled || !valid}>
        Set image
      </button>
    </form>
  )
}
