import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { App } from '../App'
import { NoticeProvider } from '../components/Notice'
import { ActiveContextProvider } from '../contexts/active-context'
import { registerBuiltInProviders } from '../palette/providers'
import { PoppedTerminal } from '../terminal/PoppedTerminal'

/**
 * The app itself: everything React renders, in a chunk of its own that main.tsx imports after it has started
 * the cold start's requests (boot/early-start.ts), so those requests are on the wire while this chunk is
 * evaluated and rendered. `popped`: this page is a popped-out terminal's, which shows that terminal alone.
 */
export function renderApp(
  root: HTMLElement,
  client: QueryClient,
  popped: { ticket?: string } | undefined,
): void {
  registerBuiltInProviders()
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        {popped ? (
          <PoppedTerminal {...popped} />
        ) : (
          <NoticeProvider>
            <ActiveContextProvider>
              <App />
            </ActiveContextProvider>
          </NoticeProvider>
        )}
      </QueryClientProvider>
    </StrictMode>,
  )
}
