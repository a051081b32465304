import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'

export interface Notice {
  id: number
  kind: 'ok' | 'error'
  text: string
  /** How many times this same notice was pushed while it was still shown. */
  count: number
}

type Push = (kind: Notice['kind'], text: string) => void

const PushContext = createContext<Push>(() => {})
const ListContext = createContext<{ notices: readonly Notice[]; dismiss: (id: number) => void }>({
  notices: [],
  dismiss: () => {},
})

const lifetimeMs = (kind: Notice['kind']): number => (kind === 'error' ? 10_000 : 4_000)

/**
 * What actions did, or why they failed. A repeat of a notice still on screen bumps its count ("×3") and its
 * lifetime instead of stacking another copy.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id))
    timers.current.delete(id)
    setNotices((all) => all.filter((x) => x.id !== id))
  }, [])

  const push = useCallback<Push>(
    (kind, text) => {
      setNotices((all) => {
        const same = all.find((n) => n.kind === kind && n.text === text)
        const id = same?.id ?? nextId.current++
        clearTimeout(timers.current.get(id))
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), lifetimeMs(kind)),
        )
        if (same) return all.map((n) => (n === same ? { ...n, count: n.count + 1 } : n))
        const kept = all.slice(-2)
        for (const gone of all.slice(0, -2)) clearTimeout(timers.current.get(gone.id))
        return [...kept, { id, kind, text, count: 1 }]
      })
    },
    [dismiss],
  )
  const list = useMemo(() => ({ notices, dismiss }), [notices, dismiss])
  return (
    <PushContext.Provider value={push}>
      <ListContext.Provider value={list}>{children}</ListContext.Provider>
    </PushContext.Provider>
  )
}

/**
 * The notices, as a strip in the page's own layout (a live region) rather than floating over it: a notice
 * takes room from the content instead of covering its buttons.
 */
export function NoticeArea({ className }: { className?: string }): ReactNode {
  const { notices, dismiss } = useContext(ListContext)
  return (
    <div className={`notices${className ? ` ${className}` : ''}`} role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`}>
          <span className="notice-text">{n.text}</span>
          {n.count > 1 && (
            <span className="notice-count" aria-label={`${n.count} times`}>
              ×{n.count}
            </span>
          )}
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}

export function useNotice(): Push {
  return useContext(PushContext)
}
