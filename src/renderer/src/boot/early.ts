// The page's first script, loaded beside the app's (vite.web.config.ts puts it in the document, `async`). It
// is small, so it runs while the app's ~400 KB of script is still arriving, and sends the one call every start
// makes first: the contexts, which the opening view's watches wait for (boot/early-start.ts). By the time the
// app's module runs, their answer is usually here, so those watches go out before React's first render rather
// than after it. docs/performance.md, "Cold start, sixth pass".
import { pageBridge } from '../api/page-bridge'

pageBridge().early('contexts.list', {})

// The list's count ("10,000 pods") is the first rows' one use of ICU's number formatting, whose first call
// loads its data (12–20 ms on this box). Loaded when this thread is first idle, usually while the app's script
// is still arriving, instead of inside that render.
requestIdleCallback(() => (0).toLocaleString(), { timeout: 2000 })
