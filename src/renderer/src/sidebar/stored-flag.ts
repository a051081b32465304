import { useCallback, useState } from 'react'

/** A yes/no remembered across launches (a sidebar group left open); storage may be unavailable. */
export function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const v = window.localStorage.getItem(key)
      return v === null ? initial : v === '1'
    } catch {
      return initial
    }
  })
  const set = useCallback(
    (next: boolean) => {
      setValue(next)
      try {
        window.localStorage.setItem(key, next ? '1' : '0')
      } catch {
        // Applied for this session only.
      }
    },
    [key],
  )
  return [value, set]
}
