import { app, BrowserWindow, Menu, session } from 'electron'
import { join } from 'node:path'
import { createBackend } from '../backend'
import { bindIpc } from '../transport/ipc'
import { appLocation, appUrlMatcher } from './app-url'
import { createTerminalWindow, createWindow } from './window'

/**
 * The desktop app from launch to quit: a sandboxed renderer, no permissions, no menu, no webviews, one
 * backend joined over IPC, and a quit that waits for running jobs to cancel and sandboxes to save.
 */
export function startShell(mainDir: string, rendererUrl: string | undefined): void {
  const location = appLocation(rendererUrl, mainDir)
  const isAppUrl = appUrlMatcher(location.url)

  app.enableSandbox()
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(null)
    // Skiff needs no camera, notifications, geolocation…: every permission request is refused.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)

    const dataDir = app.getPath('userData')
    const backend = createBackend({
      transport: 'electron',
      dataDir,
      openTerminalWindow: (ticket) => void createTerminalWindow({ app: location, isAppUrl, mainDir }, ticket),
    })
    const unbind = bindIpc(backend.dispatcher, isAppUrl)
    void backend.restore()
    const open = (): BrowserWindow => {
      // The first screen's list starts while the window loads its script (docs/performance.md, cold start).
      backend.prewarm()
      return createWindow({
        app: location,
        isAppUrl,
        stateFile: join(dataDir, 'window-state.json'),
        mainDir,
        runningJobs: backend.runningJobs,
      })
    }
    open()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open()
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
}
