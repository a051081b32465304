import { useCallback, useState } from 'react'

const storageKey = 'skiff.sidebarCollapsed'

function stored(): boolean {
  try {
    return window.localStorage.getItem(storageKey) === '1'
  } catch {
    return false // storage can be unavailable (private windows, file: URLs)
  }
}

/** Whether the sections sidebar is hidden; the choice is remembered across launches. */
export function useSidebarCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setState] = useState(stored)
  const set = useCallback((value: boolean) => {
    setState(value)
    try {
      window.localStorage.setItem(storageKey, value ? '1' : '0')
    } catch {
      // Not remembered, but still applied for this session.
    }
  }, [])
  return [collapsed, set]
}
