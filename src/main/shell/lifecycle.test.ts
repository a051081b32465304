import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  resetElectronStub,
  session,
  StubWebContents,
} from '../../../test/support/electron-stub'
import { startShell } from './lifecycle'

vi.mock('electron', () => import('../../../test/support/electron-stub'))

// The backend is plain Node and tested on its own; here only its joints with the shell matter.
const backend = vi.hoisted(() => ({
  closed: 0,
  prewarmed: 0,
  release: (): void => {},
  openTerminalWindow: undefined as ((ticket: string) => void) | undefined,
}))
vi.mock('../backend', () => ({
  createBackend: (options: { openTerminalWindow?: (ticket: string) => void }) => {
    backend.openTerminalWindow = options.openTerminalWindow
    return {
      dispatcher: { call: vi.fn(), subscribe: vi.fn(), activeSubscriptions: () => 0 },
      restore: async () => {},
      prewarm: (): void => void backend.prewarmed++,
      runningJobs: () => 0,
      close: () =>
        new Promise<void>((resolve) => {
          backend.closed++
          backend.release = resolve
        }),
    }
  },
}))

async function started(): Promise<void> {
  startShell('/opt/skiff/out/main', undefined)
  app.becomeReady()
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1))
}

beforeEach(() => {
  resetElectronStub()
  backend.closed = 0
  backend.prewarmed = 0
})

describe('the shell from launch to quit', () => {
  it('enables the sandbox for every renderer, removes the menu and refuses every permission', async () => {
    await started()
    expect(app.sandboxEnabled).toBe(true)
    expect(Menu.menu).toBeNull()
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      session.defaultSession.requestHandler?.({}, permission, (granted) => answers.push(granted))
    }
    expect(answers).toEqual([false, false, false, false])
    expect(session.defaultSession.checkHandler?.()).toBe(false)
  })

  it('binds the contract over IPC and refuses webviews in any web contents', async () => {
    await started()
    expect(backend.prewarmed).toBe(1) // the first screen's list starts with the window
    expect([...ipcMain.handlers.keys()]).toEqual(['api:call'])
    const contents = new StubWebContents()
    app.emit('web-contents-created', {}, contents)
    expect(contents.fire('will-attach-webview')).toBe(true)
  })

  it('gives the backend a way to open a popped-out terminal in a window of its own', async () => {
    await started()
    backend.openTerminalWindow?.('t'.repeat(32))
    expect(BrowserWindow.created).toHaveLength(2)
    expect(BrowserWindow.created[1]?.loaded).toMatchObject({ hash: `terminal=${'t'.repeat(32)}` })
  })

  it('quit waits for the backend to close (jobs cancelled, sandboxes saved), then quits once', async () => {
    await started()
    expect(app.fire('before-quit')).toBe(true)
    expect(backend.closed).toBe(1)
    expect(app.quitCalls).toBe(0)
    expect(ipcMain.handlers.size).toBe(0)
    backend.release()
    await vi.waitFor(() => expect(app.quitCalls).toBe(1))
    // The quit it starts itself passes through.
    expect(app.fire('before-quit')).toBe(false)
    expect(backend.closed).toBe(1)
  })
})
