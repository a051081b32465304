import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, dialog, resetElectronStub, shell } from '../../../test/support/electron-stub'
import { appLocation, appUrlMatcher } from './app-url'
import { createTerminalWindow, createWindow } from './window'

// Vitest must never load the real `electron` (it would fetch the binary): the shell runs against a stub.
vi.mock('electron', () => import('../../../test/support/electron-stub'))

const app = appLocation(undefined, '/opt/skiff/out/main')
let dir: string
let jobs = 0

function open(): BrowserWindow {
  createWindow({
    app,
    isAppUrl: appUrlMatcher(app.url),
    stateFile: join(dir, 'window-state.json'),
    mainDir: '/opt/skiff/out/main',
    runningJobs: () => jobs,
  })
  const win = BrowserWindow.created.at(-1)
  if (!win) throw new Error('no window was created')
  return win
}

beforeEach(async () => {
  resetElectronStub()
  jobs = 0
  dir = await mkdtemp(join(tmpdir(), 'skiff-shell-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('the window', () => {
  it('is isolated: context isolation, sandbox, no Node, web security, no webviews, sandboxed preload', () => {
    const prefs = open().options.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/skiff/out/preload/index.cjs',
    })
  })

  it('loads the built page as a file, or the dev server when one is given', () => {
    expect(open().loaded).toEqual({ file: '/opt/skiff/out/renderer/index.html' })
    const dev = appLocation('http://localhost:5173/', '/opt/skiff/out/main')
    createWindow({
      app: dev,
      isAppUrl: appUrlMatcher(dev.url),
      stateFile: join(dir, 'w.json'),
      mainDir: '/x',
      runningJobs: () => 0,
    })
    expect(BrowserWindow.created.at(-1)?.loaded).toEqual({ url: 'http://localhost:5173/' })
  })

  it('never navigates away from the app page', () => {
    const wc = open().webContents
    expect(wc.fire('will-navigate', `${app.url}#/clusters`)).toBe(false)
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(wc.fire('will-navigate', 'file:///etc/passwd')).toBe(true)
  })

  it('opens no new windows: web links go to the system browser, anything else nowhere', () => {
    const handler = open().webContents.windowOpenHandler
    expect(handler?.({ url: 'https://kind.sigs.k8s.io/' })).toEqual({ action: 'deny' })
    expect(handler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(handler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(handler?.({ url: 'https://user:pw@example.com/' })).toEqual({ action: 'deny' })
    expect(shell.opened).toEqual(['https://kind.sigs.k8s.io/'])
  })
})

describe('a popped-out terminal window', () => {
  const ticket = 'T'.repeat(32)
  const popped = (): BrowserWindow => {
    createTerminalWindow({ app, isAppUrl: appUrlMatcher(app.url), mainDir: '/opt/skiff/out/main' }, ticket)
    return BrowserWindow.created.at(-1)!
  }

  it('has the main window’s webPreferences and loads the same page at the ticket’s route', () => {
    const main = open()
    const win = popped()
    expect(win).not.toBe(main)
    expect(win.options.webPreferences).toEqual(main.options.webPreferences)
    expect(win.loaded).toEqual({ file: '/opt/skiff/out/renderer/index.html', hash: `terminal=${ticket}` })
  })

  it('keeps the same guards: no navigation away, no windows from its content', () => {
    const wc = popped().webContents
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(wc.windowOpenHandler?.({ url: `${app.url}#terminal=${ticket}` })).toEqual({ action: 'deny' })
  })

  it('opens nothing for a ticket that is not one', () => {
    expect(() =>
      createTerminalWindow({ app, isAppUrl: appUrlMatcher(app.url), mainDir: '/x' }, '../../etc#x'),
    ).toThrow('not a terminal ticket')
    expect(BrowserWindow.created).toHaveLength(0)
  })
})

describe('closing while cluster jobs run', () => {
  it('closes without asking when nothing runs', () => {
    expect(open().fire('close')).toBe(false)
    expect(dialog.shown).toEqual([])
  })

  it('asks first; "Keep Skiff open" keeps it, "Quit and cancel" lets every later close pass', () => {
    const win = open()
    jobs = 2
    dialog.answers = [0]
    expect(win.fire('close')).toBe(true)
    expect(dialog.shown[0]).toMatchObject({ message: '2 cluster jobs are still running.' })
    dialog.answers = [1]
    expect(win.fire('close')).toBe(false)
    expect(win.fire('close')).toBe(false)
    expect(dialog.shown).toHaveLength(2)
  })
})
