import type { ContainerView, FsNode } from './container-fs'
import { containerFs, lookup, resolvePath } from './container-fs'
import { writeFile } from './container-files'
import { cat, ls, mkdir, rm, testPath, withRedirects } from './file-commands'
import { parseScript, ShellSyntaxError } from './shell-parse'
import { runTar } from './tar-command'

// The simulated container shell: the builtins a newcomer tries first, run against the container's small file
// tree. Exit codes behave as sh's (last command's code, `exit N`, 127 for an unknown command).
export interface ShellIo {
  out(text: string): void
  err(text: string): void
  // binary output (tar); written as text where the caller has no byte stream
  bytes?(data: Buffer): void
}

export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash'])
const HELPERS = [
  'ls',
  'cat',
  'env',
  'printenv',
  'hostname',
  'ps',
  'echo',
  'pwd',
  'cd',
  'exit',
  'true',
  'false',
]

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function containerEnv({ pod, container }: ContainerView): Map<string, string> {
  const env = new Map<string, string>([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', pod.metadata.name],
    ['HOME', '/root'],
  ])
  const declared = (container.env ?? []) as Array<{ name?: unknown; value?: unknown }>
  for (const e of declared)
    if (typeof e.name === 'string') env.set(e.name, typeof e.value === 'string' ? e.value : '')
  env.set('KUBERNETES_SERVICE_HOST', '10.96.0.1')
  env.set('KUBERNETES_SERVICE_PORT', '443')
  env.set('KUBERNETES_PORT', 'tcp://10.96.0.1:443')
  return env
}

// The container's main process as `ps` shows it.
export function mainProcess({ container }: ContainerView): string {
  const cmd = [...((container.command ?? []) as string[]), ...((container.args ?? []) as string[])]
  if (cmd.length > 0) return cmd.join(' ')
  if (/(^|\/)nginx(:|@|$)/.test(container.image)) return 'nginx: master process nginx -g daemon off;'
  return baseName(container.image.split(/[:@]/)[0] ?? 'app')
}

export class Shell {
  cwd = '/'
  lastCode = 0
  exited: number | undefined
  // set while a TTY is attached; follows the client's resize messages
  terminal: { width: number; height: number } | undefined
  readonly root: FsNode
  private readonly env: Map<string, string>

  constructor(private readonly view: ContainerView) {
    this.root = view.files ?? containerFs(view)
    this.env = containerEnv(view)
  }

  // Runs a script (the text of `sh -c` or one interactive line); returns its exit code.
  async runScript(src: string, io: ShellIo, stdin: Buffer = Buffer.alloc(0)): Promise<number> {
    let commands
    try {
      commands = parseScript(src)
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err
      io.err(`sh: ${err.message}\n`)
      return (this.lastCode = 2)
    }
    for (const c of commands) {
      if (c.after === '&&' && this.lastCode !== 0) continue
      if (c.after === '||' && this.lastCode === 0) continue
      const { words, redirects } = c.expand((name) =>
        name === '?' ? String(this.lastCode) : (this.env.get(name) ?? ''),
      )
      this.lastCode = await withRedirects(this, redirects, io, (rio) => this.run(words, rio, stdin))
      if (this.exited !== undefined) return this.exited
    }
    return this.lastCode
  }

  // Runs one command given as words (already expanded).
  async run(words: string[], io: ShellIo, stdin: Buffer = Buffer.alloc(0)): Promise<number> {
    const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s
    let i = 0
    for (; i < words.length && assign.test(words[i] ?? ''); i++) {
      const m = assign.exec(words[i] ?? '')
      if (m) this.env.set(m[1] ?? '', m[2] ?? '')
    }
    const [cmd = '', ...args] = words.slice(i)
    if (cmd === '') return 0
    const name = cmd.includes('/') ? baseName(cmd) : cmd
    switch (name) {
      case 'echo': {
        const noNewline = args[0] === '-n'
        io.out((noNewline ? args.slice(1) : args).join(' ') + (noNewline ? '' : '\n'))
        return 0
      }
      case 'pwd':
        io.out(`${this.cwd}\n`)
        return 0
      case 'cd':
        return this.cd(args[0] ?? this.env.get('HOME') ?? '/', io)
      case 'ls':
        return ls(this, args, io)
      case 'cat':
        if (args.length === 0 || (args.length === 1 && args[0] === '-')) {
          io.out(stdin.toString('utf8'))
          return 0
        }
        return cat(this, args, io)
      case 'env':
      case 'printenv':
        return this.printEnv(args, io)
      case 'export':
        for (const a of args) {
          const m = assign.exec(a)
          if (m) this.env.set(m[1] ?? '', m[2] ?? '')
        }
        return 0
      case 'hostname':
        io.out(`${this.view.pod.metadata.name}\n`)
        return 0
      case 'whoami':
        io.out('root\n')
        return 0
      case 'id':
        io.out('uid=0(root) gid=0(root) groups=0(root)\n')
        return 0
      case 'uname':
        io.out(
          args.includes('-a')
            ? `Linux ${this.view.pod.metadata.name} 6.1.0 #1 SMP x86_64 GNU/Linux\n`
            : 'Linux\n',
        )
        return 0
      case 'date':
        io.out(`${new Date().toUTCString().replace('GMT', 'UTC')}\n`)
        return 0
      case 'ps':
        return this.ps(io)
      case 'stty':
        if (!this.terminal) {
          io.err('stty: standard input: Not a tty\n')
          return 1
        }
        if (args[0] === 'size') io.out(`${this.terminal.height} ${this.terminal.width}\n`)
        return 0
      case 'test':
      case '[':
        return testPath(this, name === '[' ? args.slice(0, -1) : args)
      case 'mkdir':
        return mkdir(this, args, io)
      case 'rm':
        return rm(this, args, io)
      case 'touch':
        for (const a of args) {
          const p = resolvePath(this.cwd, a)
          if (!lookup(this.root, p) && !writeFile(this.root, p, '')) {
            io.err(`touch: ${a}: No such file or directory\n`)
            return 1
          }
        }
        return 0
      case 'tar':
        return runTar(this.root, this.cwd, args, io, stdin)
      case 'true':
        return 0
      case 'false':
        return 1
      case 'sleep':
        await new Promise((r) => setTimeout(r, Math.min(Number(args[0]) || 0, 30) * 1000))
        return 0
      case 'exit': {
        const code = args[0] === undefined ? this.lastCode : Number(args[0])
        this.exited = Number.isInteger(code) ? ((code % 256) + 256) % 256 : 2
        return this.exited
      }
      default:
        if (SHELLS.has(name)) return this.subShell(args, io)
        io.err(`sh: ${cmd}: not found\n`)
        return 127
    }
  }

  private async subShell(args: string[], io: ShellIo): Promise<number> {
    if (args[0] !== '-c') {
      io.err('sh: an interactive shell needs a terminal here; use sh -c "..."\n')
      return 2
    }
    const child = new Shell(this.view)
    child.cwd = this.cwd
    return child.runScript(args[1] ?? '', io)
  }

  private cd(target: string, io: ShellIo): number {
    const path = resolvePath(this.cwd, target)
    const node = lookup(this.root, path)
    if (node?.type !== 'dir') {
      io.err(`sh: cd: can't cd to ${target}: ${node ? 'Not a directory' : 'No such file or directory'}\n`)
      return 2
    }
    this.cwd = path
    return 0
  }

  private printEnv(args: string[], io: ShellIo): number {
    if (args.length > 0) {
      const values = args.map((a) => this.env.get(a))
      for (const v of values) if (v !== undefined) io.out(`${v}\n`)
      return values.every((v) => v !== undefined) ? 0 : 1
    }
    for (const [k, v] of this.env) io.out(`${k}=${v}\n`)
    return 0
  }

  private ps(io: ShellIo): number {
    io.out('PID   USER     TIME  COMMAND\n')
    io.out(`    1 root      0:00 ${mainProcess(this.view)}\n`)
    io.out('   42 root      0:00 sh\n')
    io.out('   48 root      0:00 ps\n')
    return 0
  }
}

export function knownCommand(name: string): boolean {
  return (
    HELPERS.includes(name) ||
    SHELLS.has(name) ||
    [
      'export',
      'whoami',
      'id',
      'uname',
      'date',
      'sleep',
      'stty',
      'test',
      '[',
      'mkdir',
      'rm',
      'touch',
      'tar',
    ].includes(name)
  )
}
