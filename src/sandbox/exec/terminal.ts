import type { ContainerView } from './container-fs'
import { isDebianImage } from './container-fs'
import type { Shell, ShellIo } from './shell'

// An interactive shell on stdin. With a TTY it plays the terminal's line discipline too (echo, backspace,
// Ctrl-C, Ctrl-D, CRLF output), because kubectl puts the local terminal in raw mode and a real pty does this.
export interface TerminalOptions {
  tty: boolean
  io: ShellIo
  onExit: (code: number) => void
}

export function prompt(view: ContainerView, cwd: string): string {
  return isDebianImage(view.container.image) ? `root@${view.pod.metadata.name}:${cwd}# ` : `${cwd} # `
}

export class Terminal {
  private line = ''
  private queue: Promise<void> = Promise.resolve()
  private done = false

  constructor(
    private readonly view: ContainerView,
    private readonly shell: Shell,
    private readonly opts: TerminalOptions,
  ) {
    if (opts.tty) opts.io.out(prompt(view, shell.cwd))
  }

  input(data: Buffer): void {
    const text = data.toString('utf8')
    if (!this.opts.tty) {
      const parts = (this.line + text).split('\n')
      this.line = parts.pop() ?? ''
      for (const l of parts) this.enqueue(l)
      return
    }
    for (const ch of text) {
      if (ch === '\r' || ch === '\n') {
        this.opts.io.out('\r\n')
        const l = this.line
        this.line = ''
        this.enqueue(l)
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1)
          this.opts.io.out('\b \b')
        }
      } else if (ch === '\x03') {
        this.line = ''
        this.opts.io.out(`^C\r\n${prompt(this.view, this.shell.cwd)}`)
      } else if (ch === '\x04') {
        if (this.line === '') {
          if (this.opts.tty) this.opts.io.out('exit\r\n')
          this.end()
        }
      } else if (ch >= ' ') {
        this.line += ch
        this.opts.io.out(ch)
      }
    }
  }

  // stdin closed: sh reads EOF and exits with the last command's status.
  end(): void {
    if (!this.opts.tty && this.line !== '') {
      const l = this.line
      this.line = ''
      this.enqueue(l)
    }
    this.queue = this.queue.then(() => this.exit(this.shell.lastCode))
  }

  private enqueue(line: string): void {
    this.queue = this.queue.then(async () => {
      if (this.done) return
      await this.shell.runScript(line, this.opts.io)
      if (this.shell.exited !== undefined) return this.exit(this.shell.exited)
      if (this.opts.tty) this.opts.io.out(prompt(this.view, this.shell.cwd))
    })
  }

  private exit(code: number): void {
    if (this.done) return
    this.done = true
    this.opts.onExit(code)
  }
}
