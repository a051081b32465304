import { BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import type { AppLocation } from './app-url'
import { isAllowedExternalUrl } from './external-links'
import { confirmCloseWhileJobsRun } from './quit-guard'
import { loadWindowState, saveWindowState } from './window-state'

export interface WindowOptions {
  app: AppLocation
  isAppUrl: (url: string) => boolean
  /** Where window bounds are remembered between launches. */
  stateFile: string
  /** The folder of the built main bundle (out/main), to find the preload and the icon. */
  mainDir: string
  runningJobs: () => number
}

/** Skiff's main window: remembered bounds, navigation locked to the app, links to the system browser. */
export function createWindow(opts: WindowOptions): BrowserWindow {
  const bounds = loadWindowState(opts.stateFile)
  const win = appWindow(opts, { ...bounds, minWidth: 800, minHeight: 500, title: 'Skiff' })
  if (bounds.maximized) win.maximize()
  win.on('close', () =>
    saveWindowState(opts.stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }),
  )
  confirmCloseWhileJobsRun(win, opts.runningJobs)
  load(win, opts.app)
  return win
}

/**
 * A terminal popped out of the main window: the same page (so the same CSP and preload), opened at
 * `#terminal=<ticket>`, which claims that one session. Made here, in the main process, on a validated
 * `exec.popout` call; pages themselves still may not open windows.
 */
export function createTerminalWindow(
  opts: Pick<WindowOptions, 'app' | 'isAppUrl' | 'mainDir'>,
  ticket: string,
): BrowserWindow {
  if (!/^[A-Za-z0-9_-]{32,64}$/.test(ticket)) throw new Error('not a terminal ticket')
  const win = appWindow(opts, {
    width: 900,
    height: 560,
    minWidth: 400,
    minHeight: 240,
    title: 'Skiff terminal',
  })
  load(win, opts.app, `terminal=${ticket}`)
  return win
}

/** Every Skiff window: one set of locked-down webPreferences, navigation and window-open guards. */
function appWindow(
  opts: Pick<WindowOptions, 'isAppUrl' | 'mainDir'>,
  shape: Electron.BrowserWindowConstructorOptions,
): BrowserWindow {
  const win = new BrowserWindow({
    ...shape,
    show: false,
    icon: join(opts.mainDir, '../../resources/icon.png'),
    // Checked by the Electronegativity gate in npm test (it reads this literal) and by shell/window.test.ts.
    webPreferences: {
      preload: join(opts.mainDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.once('ready-to-show', () => win.show())

  // Nothing but the app itself loads in the window; http(s) links go to the system browser.
  win.webContents.on('will-navigate', (e, url) => {
    if (!opts.isAppUrl(url)) e.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  return win
}

function load(win: BrowserWindow, app: AppLocation, hash?: string): void {
  if (app.file) void win.loadFile(app.file, hash ? { hash } : undefined)
  else void win.loadURL(hash ? `${app.url}#${hash}` : app.url)
}
