// Electron shell: lifecycle, one secure window, IPC binding. Everything else lives in plain-Node services.
import { app, BrowserWindow, Menu, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createBackend } from './backend'
import { bindIpc } from './transport/ipc'
import { loadWindowState, saveWindowState } from './window-state'
import { isAllowedExternalUrl } from './external-links'

const rendererUrl = process.env.ELECTRON_RENDERER_URL
const indexFile = join(import.meta.dirname, '../renderer/index.html')
const appUrl = rendererUrl ?? pathToFileURL(indexFile).href
const isAppUrl = (url: string): boolean => url.split('#')[0]?.split('?')[0] === appUrl.split('?')[0]

function createWindow(stateFile: string): BrowserWindow {
  const bounds = loadWindowState(stateFile)
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Skiff',
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
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

  if (rendererUrl) void win.loadURL(rendererUrl)
  else void win.loadFile(indexFile)
  return win
}

app.enableSandbox()
void app.whenReady().then(() => {
  Menu.setApplicationMenu(null)
  const dataDir = app.getPath('userData')
  const backend = createBackend({ transport: 'electron', dataDir })
  const unbind = bindIpc(backend.dispatcher, isAppUrl)
  const stateFile = join(dataDir, 'window-state.json')
  createWindow(stateFile)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(stateFile)
  })
  app.on('will-quit', () => {
    unbind()
    void backend.close()
  })
})

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
