// Electron shell: lifecycle, one secure window, IPC binding. Everything else lives in plain-Node services.
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createBackend } from './backend'
import { bindIpc } from './transport/ipc'
import { loadWindowState, saveWindowState } from './window-state'
import { isAllowedExternalUrl } from './external-links'
import { appUrlMatcher } from './window-options'

const rendererUrl = process.env.ELECTRON_RENDERER_URL
const indexFile = join(import.meta.dirname, '../renderer/index.html')
const appUrl = rendererUrl ?? pathToFileURL(indexFile).href
const isAppUrl = appUrlMatcher(appUrl)

function createWindow(stateFile: string, runningJobs: () => number): BrowserWindow {
  const bounds = loadWindowState(stateFile)
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Skiff',
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    // Checked by the Electronegativity gate in npm test (it reads this literal) and by e2e/electron.
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
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
    if (!isAppUrl(url)) e.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })

  const remember = (): void =>
    saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() })
  win.on('close', remember)
  // Closing kills running cluster jobs (their cleanup deletes half-made clusters), so ask first.
  let confirmedClose = false
  win.on('close', (e) => {
    const running = runningJobs()
    if (running === 0 || confirmedClose) return
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Keep Skiff open', 'Quit and cancel'],
      defaultId: 0,
      cancelId: 0,
      message: `${running} cluster job${running === 1 ? ' is' : 's are'} still running.`,
      detail: 'Quitting cancels them; a cluster being created is deleted again.',
    })
    if (choice === 1) confirmedClose = true
    else e.preventDefault()
  })

  if (rendererUrl) void win.loadURL(rendererUrl)
  else void win.loadFile(indexFile)
  return win
}

app.enableSandbox()
void app.whenReady().then(() => {
  Menu.setApplicationMenu(null)
  // Skiff needs no camera, notifications, geolocation…: every permission request is refused.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  const dataDir = app.getPath('userData')
  const backend = createBackend({ transport: 'electron', dataDir })
  const unbind = bindIpc(backend.dispatcher, isAppUrl)
  void backend.restore()
  const stateFile = join(dataDir, 'window-state.json')
  createWindow(stateFile, backend.runningJobs)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(stateFile, backend.runningJobs)
  })
  // Quit waits for the backend: running jobs are cancelled (and clean up), sandboxes save their state.
  let closed = false
  app.on('before-quit', (e) => {
    if (closed) return
    e.preventDefault()
    closed = true
    unbind()
    void backend.close().finally(() => app.quit())
  })
})

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
