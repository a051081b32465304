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

/** Skiff's one window: remembered bounds, navigation locked to the app, links to the system browser. */
export function createWindow(opts: WindowOptions): BrowserWindow {
  const bounds = loadWindowState(opts.stateFile)
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Skiff',
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
  if (bounds.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  // Nothing but the app itself loads in the window; http(s) links go to the system browser.
  win.webContents.on('will-navigate', (e, url) => {
    if (!opts.isAppUrl(url)) e.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })

  win.on('close', () =>
    saveWindowState(opts.stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }),
  )
  confirmCloseWhileJobsRun(win, opts.runningJobs)

  if (opts.app.file) void win.loadFile(opts.app.file)
  else void win.loadURL(opts.app.url)
  return win
}
