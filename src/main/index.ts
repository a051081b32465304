// Electron entry: everything the desktop shell does lives in shell/; the backend is plain Node behind it.
import { startShell } from './shell/lifecycle'

startShell(import.meta.dirname, process.env.ELECTRON_RENDERER_URL)
