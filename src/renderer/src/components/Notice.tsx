import { createContext, useCallback, useContext, useState, type ReactNode } from 'react'

interface Notice {
  id: number
  kind: 'ok' | 'error'
  text: string
}

const NoticeContext = createContext<(kind: Notice['kind'], text: string) => void>(() => {})

/** What an action did, or why it failed, in one line at the bottom of the window (a live region). */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const push = useCallback((kind: Notice['kind'], text: string) => {
    const id = Date.now() + Math.random()
    setNotices((n) => [...n.slice(-3), { id, kind, text }])
    setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), kind === 'error' ? 10_000 : 4_000)
  }, [])
  return (
    <NoticeContext.Provider value={push}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice ${n.kind}`}>
            {n.text}
            <button
              type="button"
              className="notice-close"
              aria-label="Dismiss"
              onClick={() => setNotices((all) => all.filter((x) => x.id !== n.id))}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  )
}

export function useNotice(): (kind: Notice['kind'], text: string) => void {
  return useContext(NoticeContext)
}
