import { useEffect, useRef } from 'react'
import { sections } from '../sections'
import { goToSection } from './places'

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  )
}

/**
 * The app's keyboard shortcuts: Ctrl/Cmd+K opens the palette; G then 1…9, 0 opens a section (like GitHub's
 * "g" sequences, which leave the browser's and the OS's own Alt/Ctrl shortcuts alone).
 */
export function usePaletteShortcuts(openPalette: () => void): void {
  const open = useRef(openPalette)
  open.current = openPalette
  useEffect(() => {
    let afterG = false
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        open.current()
        return
      }
      if (
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        isTyping(e.target) ||
        document.querySelector('dialog[open]')
      ) {
        afterG = false
        return
      }
      if (afterG && /^[0-9]$/.test(e.key)) {
        const section = sections[(Number(e.key) + 9) % 10]
        if (section) {
          e.preventDefault()
          goToSection(section.id)
        }
      }
      afterG = e.key === 'g' || e.key === 'G'
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
