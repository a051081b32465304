import type { ExecEvent } from '@shared/contract'
import { EXEC_INPUT_MAX } from '@shared/contract/session-limits'
import { api } from '../api/client'
import { inputQueue } from './input-queue'
import { openOwnWindow } from './pop-out'
import type { XtermView } from './xterm-view'

export interface SessionTarget {
  context?: string
  namespace: string
  pod: string
  container: string
}

/** `away`: the session moved to another window or tab (this one can bring it back). */
export type SessionState = 'loading' | 'connecting' | 'open' | 'away' | 'ended' | 'failed'

const DIM = '\x1b[2m'
const RED = '\x1b[31m'
const RESET = '\x1b[0m'
let counter = 0
/** The `origin` of a terminal shown in a popped-out window (it belongs to no pod panel there). */
const POPPED = 'popped'

/**
 * One terminal: its xterm view (loaded on first use), its `exec.session` stream, and the input and resize
 * calls that feed it. It outlives the view that shows it, so a terminal can move from the detail panel to the
 * dock with its scrollback, or to a window of its own (the backend moves the running session there; this one
 * waits, `away`, to bring it back). It ends when closed, or when the window or page showing it goes away.
 */
export class TerminalSession {
  readonly key = `t${++counter}`
  state: SessionState = 'loading'
  message: string | undefined
  command: string[] | undefined
  docked = false
  private view: XtermView | undefined
  private loading: Promise<XtermView> | undefined
  private server: string | undefined
  private unsubscribe: (() => void) | undefined
  /** Settles when the session has started (or ended): keys typed while connecting wait for it. */
  private ready = Promise.resolve()
  private settle = (): void => {}
  private readonly input = inputQueue(
    async (data) => {
      await this.ready
      if (this.server) await api.call('exec.input', { session: this.server, data })
    },
    (err) =>
      this.say(`${RED}Input was not sent: ${err instanceof Error ? err.message : String(err)}${RESET}`),
    EXEC_INPUT_MAX,
  )
  private resizing = Promise.resolve()

  constructor(
    public target: SessionTarget,
    public mode: 'exec' | 'attach',
    /** The pod panel it was opened from: the panel keeps showing it even after a reconnect elsewhere. */
    readonly origin: string,
    private readonly changed: () => void,
    /** Set in a popped-out window: the ticket that takes the session over, instead of starting one. */
    private ticket?: string,
  ) {}

  /** This page is a window the terminal was popped out into. */
  get popped(): boolean {
    return this.origin === POPPED
  }

  /** The terminal a popped-out window takes over with its ticket (the ticket says which; nothing starts). */
  static claiming(ticket: string, changed: () => void): TerminalSession {
    return new TerminalSession({ namespace: '', pod: '', container: '' }, 'exec', POPPED, changed, ticket)
  }

  get title(): string {
    if (!this.target.pod) return 'Terminal'
    return `${this.target.pod} · ${this.target.container}${this.mode === 'attach' ? ' (attach)' : ''}`
  }

  /** Shows the terminal in `container`; the first time, loads xterm.js and connects. */
  async mount(container: HTMLElement): Promise<void> {
    if (!this.loading) {
      this.loading = import('./xterm-view').then(({ createXterm }) => {
        const view = createXterm()
        view.onData((data) => {
          if (this.state === 'open' || this.state === 'connecting') this.input.push(data)
        })
        view.onResize((size) => this.sendSize(size.cols, size.rows))
        return view
      })
    }
    this.view = await this.loading
    const size = this.view.mount(container)
    if (this.state === 'loading') this.connect(size)
    this.view.focus()
  }

  fit(): void {
    this.view?.fit()
  }

  focus(): void {
    this.view?.focus()
  }

  /** Opens the session again, on the same pod or (after it was replaced) another one. */
  reconnect(pod = this.target.pod): void {
    this.stop()
    this.target = { ...this.target, pod }
    this.say(`${DIM}— reconnecting to pod ${pod} —${RESET}`)
    this.connect(this.view?.fit() ?? { cols: 80, rows: 24 })
  }

  /** Moves the running session to a window (Electron) or tab (web mode) of its own. */
  async popOut(): Promise<void> {
    if (this.state !== 'open' || !this.server) return
    try {
      await openOwnWindow(this.server)
    } catch (err) {
      this.say(`${RED}${err instanceof Error ? err.message : String(err)}${RESET}`)
    }
  }

  /** Brings the session back from the window it moved to. */
  async bringBack(): Promise<void> {
    if (this.state !== 'away' || !this.server) return
    try {
      await api.call('exec.recall', { session: this.server })
    } catch (err) {
      this.set('away', err instanceof Error ? err.message : String(err))
    }
  }

  close(): void {
    this.stop()
    this.view?.dispose()
  }

  private connect(size: { cols: number; rows: number }): void {
    this.ready = new Promise((resolve) => (this.settle = resolve))
    this.set('connecting')
    const ticket = this.ticket
    this.ticket = undefined // a ticket is good once; a reconnect starts a new session (from a click)
    const onEvent = (event: ExecEvent): void => this.onEvent(event)
    this.unsubscribe = ticket
      ? api.subscribe('exec.claim', { ticket }, onEvent, (error) => this.onEnd(error))
      : api.subscribe(
          'exec.session',
          { ...this.target, mode: this.mode, tty: true, cols: size.cols, rows: size.rows },
          onEvent,
          (error) => this.onEnd(error),
        )
  }

  private onEnd(error: Error | undefined): void {
    this.unsubscribe = undefined
    this.server = undefined
    this.settle()
    if (error) {
      this.say(`${RED}${error.message}${RESET}`)
      this.set('failed', error.message)
    } else if (this.state !== 'ended') this.set('ended', 'The session ended.')
  }

  private onEvent(event: ExecEvent): void {
    if (event.type === 'started') {
      this.server = event.session
      this.command = event.command
      if (event.target) {
        const { mode, ...target } = event.target
        this.target = target
        this.mode = mode
      }
      // Taken over (here, or back from another window): the recent output follows, on a clean screen.
      if (event.resumed) this.view?.reset()
      this.set('open')
      this.settle()
      const size = this.view?.fit()
      if (size) this.sendSize(size.cols, size.rows)
    } else if (event.type === 'output') this.view?.write(event.data)
    else if (event.type === 'moved') this.set('away')
    else {
      this.say(`${DIM}${event.message}${RESET}`)
      this.set('ended', event.message)
    }
  }

  private sendSize(cols: number, rows: number): void {
    const session = this.server
    if (!session || this.state !== 'open') return
    // One resize at a time, in order; a failed one only matters until the next.
    this.resizing = this.resizing.then(() =>
      api.call('exec.resize', { session, cols, rows }).then(
        () => undefined,
        () => undefined,
      ),
    )
  }

  private stop(): void {
    this.settle()
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.server = undefined
  }

  private say(line: string): void {
    this.view?.write(`\r\n${line}\r\n`)
  }

  private set(state: SessionState, message?: string): void {
    this.state = state
    this.message = message
    this.changed()
  }
}
