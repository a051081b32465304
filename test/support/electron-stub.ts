import { EventEmitter } from 'node:events'

// A stand-in for the `electron` module, so the shell and the IPC binding run in plain Node under Vitest
// (importing the real package would try to download the binary). Use it as
//   vi.mock('electron', () => import('<path>/test/support/electron-stub'))
// and call resetElectronStub() before each test. Only what Skiff's shell touches is modelled.

type Listener = (...args: never[]) => unknown

/** An Electron-style event whose default can be prevented. */
export interface StubEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

export function stubEvent(): StubEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

class StubEmitter extends EventEmitter {
  /** Emits with a fresh preventable event first, as Electron does, and says whether it was prevented. */
  fire(name: string, ...args: unknown[]): boolean {
    const e = stubEvent()
    this.emit(name, e, ...args)
    return e.defaultPrevented
  }
}

export class StubWebContents extends StubEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' }
  readonly sent: unknown[][] = []
  readonly mainFrame = { url: '' }
  destroyed = false
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler
  }
  send(...args: unknown[]): void {
    this.sent.push(args)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class BrowserWindow extends StubEmitter {
  static readonly created: BrowserWindow[] = []
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created
  }
  readonly webContents = new StubWebContents()
  loaded?: { url?: string; file?: string; hash?: string }
  maximized = false
  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.created.push(this)
  }
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  show(): void {}
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: 1000, height: 700 }
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = { url }
  }
  async loadFile(file: string, options?: { hash?: string }): Promise<void> {
    this.loaded = options?.hash ? { file, hash: options.hash } : { file }
  }
}

class StubApp extends StubEmitter {
  sandboxEnabled = false
  quitCalls = 0
  userData = '/tmp/skiff-electron-stub'
  private ready: () => void = () => {}
  private readyPromise = new Promise<void>((resolve) => (this.ready = resolve))
  reset(): void {
    this.removeAllListeners()
    this.sandboxEnabled = false
    this.quitCalls = 0
    this.readyPromise = new Promise<void>((resolve) => (this.ready = resolve))
  }
  enableSandbox(): void {
    this.sandboxEnabled = true
  }
  whenReady(): Promise<void> {
    return this.readyPromise
  }
  /** Test control: resolves whenReady(). */
  becomeReady(): void {
    this.ready()
  }
  getPath(_name: string): string {
    return this.userData
  }
  quit(): void {
    this.quitCalls++
  }
}

export const app = new StubApp()

export const dialog = {
  answers: [] as number[],
  shown: [] as Record<string, unknown>[],
  showMessageBoxSync(_win: unknown, options: Record<string, unknown>): number {
    this.shown.push(options)
    return this.answers.shift() ?? 0
  },
}

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url)
  },
}

export const Menu = {
  menu: 'default' as unknown,
  setApplicationMenu(menu: unknown): void {
    this.menu = menu
  },
}

type PermissionCallback = (granted: boolean) => void
export const session = {
  defaultSession: {
    requestHandler: undefined as
      ((wc: unknown, permission: string, callback: PermissionCallback) => void) | undefined,
    checkHandler: undefined as ((...args: unknown[]) => boolean) | undefined,
    setPermissionRequestHandler(h: (wc: unknown, permission: string, callback: PermissionCallback) => void) {
      this.requestHandler = h
    },
    setPermissionCheckHandler(h: (...args: unknown[]) => boolean) {
      this.checkHandler = h
    },
  },
}

class StubIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Listener>()
  handle(channel: string, listener: Listener): void {
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}

export const ipcMain = new StubIpcMain()

/** Fresh state for the next test (reset in place: the shell holds the same objects). */
export function resetElectronStub(): void {
  app.reset()
  ipcMain.removeAllListeners()
  ipcMain.handlers.clear()
  BrowserWindow.created.length = 0
  dialog.answers = []
  dialog.shown = []
  shell.opened = []
  Menu.menu = 'default'
  session.defaultSession.requestHandler = undefined
  session.defaultSession.checkHandler = undefined
}

export default { app, BrowserWindow, dialog, shell, Menu, session, ipcMain }
