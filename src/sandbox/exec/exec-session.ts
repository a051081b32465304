import type { ExecConnection } from './channels'
import { exitStatus, STDERR, STDOUT } from './channels'
import type { ContainerView } from './container-fs'
import type { ShellIo } from './shell'
import { baseName, knownCommand, Shell, SHELLS } from './shell'
import { Terminal } from './terminal'

// One `exec` (or `attach` to a shell container): runs the command in the simulated shell and reports its exit
// code on the error channel the way kubelet does.
export interface StreamFlags {
  stdin: boolean
  stdout: boolean
  stderr: boolean
  tty: boolean
}

export function channelIo(conn: ExecConnection, flags: StreamFlags): ShellIo {
  // A TTY has one output stream and turns "\n" into "\r\n"; kubectl never asks for stderr with -t.
  const fix = (t: string): string => (flags.tty ? t.replace(/\r?\n/g, '\r\n') : t)
  return {
    out: (t) => {
      if (flags.stdout) conn.write(STDOUT, fix(t))
    },
    err: (t) => {
      if (flags.tty) {
        if (flags.stdout) conn.write(STDOUT, fix(t))
      } else if (flags.stderr) conn.write(STDERR, t)
    },
    bytes: (data) => {
      if (flags.stdout) conn.write(STDOUT, data)
    },
  }
}

function trackSize(shell: Shell, conn: ExecConnection, flags: StreamFlags): Shell {
  if (!flags.tty) return shell
  shell.terminal = { width: 80, height: 24 }
  conn.onResize((size) => {
    shell.terminal = size
  })
  return shell
}

export function startInteractive(
  view: ContainerView,
  conn: ExecConnection,
  flags: StreamFlags,
  command: string[],
  onExit: (code: number) => void = (code) => conn.finish(exitStatus(code, command)),
): void {
  const shell = trackSize(new Shell(view), conn, flags)
  const terminal = new Terminal(view, shell, { tty: flags.tty, io: channelIo(conn, flags), onExit })
  conn.onStdin((data) => terminal.input(data))
  conn.onStdinEnd(() => terminal.end())
}

function readAll(conn: ExecConnection): Promise<Buffer> {
  const chunks: Buffer[] = []
  conn.onStdin((d) => chunks.push(Buffer.from(d)))
  return new Promise((resolve) => conn.onStdinEnd(() => resolve(Buffer.concat(chunks))))
}

export async function runExec(
  view: ContainerView,
  command: string[],
  flags: StreamFlags,
  conn: ExecConnection,
): Promise<void> {
  const [first = '', ...args] = command
  const name = baseName(first)
  const io = channelIo(conn, flags)
  const shell = trackSize(new Shell(view), conn, flags)
  if (SHELLS.has(name) && args[0] !== '-c') {
    if (flags.stdin) return startInteractive(view, conn, flags, command)
    return conn.finish(exitStatus(0, command)) // sh with no stdin reads EOF at once
  }
  if (!SHELLS.has(name) && !knownCommand(name)) {
    // The runtime cannot start a binary the image lacks: kubelet reports it as an error, not an exit code.
    return conn.finish({
      status: 'Failure',
      reason: 'InternalError',
      message: `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${first}": executable file not found in $PATH: unknown`,
    })
  }
  // a command given stdin (tar xf - for kubectl cp) reads all of it before it finishes
  const stdin = flags.stdin ? await readAll(conn) : Buffer.alloc(0)
  const code = SHELLS.has(name)
    ? await shell.runScript(args[1] ?? '', io, stdin)
    : await shell.run(command, io, stdin)
  conn.finish(exitStatus(code, command))
}
