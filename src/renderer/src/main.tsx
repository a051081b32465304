import { QueryClient } from '@tanstack/react-query'
import { startEarly } from './boot/early-start'
import { showBootFailure } from './boot/boot-failure'
import { takeTerminalTicket } from './terminal/pop-out'
import { applyStoredTheme } from './theme'
import './styles.css'

// The page's entry, kept small: it starts a cold start's requests, then loads the app (boot/render-app.tsx,
// module-preloaded by index.html so it downloads and compiles meanwhile). docs/performance.md, "fourth pass".
applyStoredTheme()

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
})

const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')
// A terminal popped out of the main window gets a page of its own: that terminal, nothing else.
const popped = takeTerminalTicket()
if (!popped) startEarly(queryClient, window.location.hash)
import('./boot/render-app').then(
  (app) => app.renderApp(root, queryClient, popped),
  (err: unknown) => showBootFailure(root, err),
)
