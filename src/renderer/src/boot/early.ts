// The page's first script: a module of its own, first in the document (vite.web.config.ts puts it there), so
// it runs as soon as it and the document are here, while the app's ~400 KB of script is still arriving, and
// always before the app's. It sends the one call every start makes first, the contexts, which the opening
// view's watches wait for (boot/early-start.ts): by the time the app's module runs their answer is usually
// here, so those watches go out before React's first render. It imports nothing of the app's (the build
// checks): an import would wait for another file. docs/performance.md, "Cold start, sixth pass".
import { sendEarly } from './early-request'

sendEarly(window, 'contexts.list', {})
