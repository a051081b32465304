import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App } from './App'
import { startEarly } from './boot/early-start'
import { NoticeProvider } from './components/Notice'
import { ActiveContextProvider } from './contexts/active-context'
import { registerBuiltInProviders } from './palette/providers'
import { PoppedTerminal } from './terminal/PoppedTerminal'
import { takeTerminalTicket } from './terminal/pop-out'
import { applyStoredTheme } from './theme'
import './styles.css'

applyStoredTheme()
registerBuiltInProviders()

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
})

const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')
// A terminal popped out of the main window gets a page of its own: that terminal, nothing else.
const popped = takeTerminalTicket()
if (popped)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <PoppedTerminal {...popped} />
      </QueryClientProvider>
    </StrictMode>,
  )
else {
  // Before React's first render, which waits (briefly) for the opening view's first rows: boot/early-start.ts.
  const firstRender = startEarly(queryClient, window.location.hash)
  const draw = (): void =>
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <NoticeProvider>
            <ActiveContextProvider>
              <App />
            </ActiveContextProvider>
          </NoticeProvider>
        </QueryClientProvider>
      </StrictMode>,
    )
  void firstRender.then(draw)
}
