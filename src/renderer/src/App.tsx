import { useEffect, useState } from 'react'
import { sections } from './sections'
import { ThemeSwitch } from './components/ThemeSwitch'
import { api } from './api/client'

function sectionFromHash(): string {
  const id = window.location.hash.replace(/^#/, '')
  return sections.some((s) => s.id === id) ? id : 'system'
}

export function App() {
  const [active, setActive] = useState(sectionFromHash)
  useEffect(() => {
    const onHash = (): void => setActive(sectionFromHash())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  const section = sections.find((s) => s.id === active) ?? sections[0]!

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img src="./icon.svg" alt="" width={24} height={24} />
          <span>Skiff</span>
        </div>
        <span className="transport-badge" title="How this window talks to Skiff’s backend">
          {api.transport === 'electron' ? 'Desktop' : 'Web mode'}
        </span>
        <div className="header-spacer" />
        <ThemeSwitch />
      </header>
      <nav className="sidebar" aria-label="Sections">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={s.id === active ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" aria-labelledby="section-title">
        <h1 id="section-title">{section.label}</h1>
        <p className="section-summary">{section.summary}</p>
        {section.render()}
      </main>
    </div>
  )
}
