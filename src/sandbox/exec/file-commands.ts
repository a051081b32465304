import type { FsNode } from './container-fs'
import { lookup, resolvePath } from './container-fs'
import { makeDirs, writeFile } from './container-files'
import type { ShellIo } from './shell'
import type { Redirect } from './shell-parse'

// The shell's commands on files and its redirections into them, with busybox's wording of errors.
export interface FsPlace {
  root: FsNode
  cwd: string
}

// Points stdout/stderr where the redirections say, runs, then writes the files (text only).
export async function withRedirects(
  at: FsPlace,
  redirects: Redirect[],
  io: ShellIo,
  run: (io: ShellIo) => Promise<number>,
): Promise<number> {
  if (redirects.length === 0) return run(io)
  type Sink = (t: string) => void
  const files: Array<{ path: string; append: boolean; text: string }> = []
  const sinks: Record<1 | 2, Sink> = { 1: (t) => io.out(t), 2: (t) => io.err(t) }
  for (const r of redirects) {
    if ('to' in r) {
      sinks[r.fd] = sinks[r.to]
      continue
    }
    if (r.file === '/dev/null') {
      sinks[r.fd] = () => undefined
      continue
    }
    const path = resolvePath(at.cwd, r.file)
    if (lookup(at.root, resolvePath(path, '..'))?.type !== 'dir' || lookup(at.root, path)?.type === 'dir') {
      io.err(
        `sh: can't create ${r.file}: ${lookup(at.root, path) ? 'Is a directory' : 'nonexistent directory'}\n`,
      )
      return 1
    }
    const target = { path, append: r.append, text: '' }
    files.push(target)
    sinks[r.fd] = (t) => (target.text += t)
  }
  const [out, err] = [sinks[1], sinks[2]]
  const code = await run({ out, err, bytes: (b) => out(b.toString('utf8')) })
  for (const f of files) {
    const old = lookup(at.root, f.path)
    writeFile(at.root, f.path, (f.append && old?.type === 'file' ? old.content : '') + f.text)
  }
  return code
}

export function ls(at: FsPlace, args: string[], io: ShellIo): number {
  const flags = args.filter((a) => a.startsWith('-') && a.length > 1).join('')
  const paths = args.filter((a) => !a.startsWith('-') || a.length === 1)
  const long = flags.includes('l')
  const all = flags.includes('a')
  let code = 0
  const targets = paths.length > 0 ? paths : ['.']
  targets.forEach((p, idx) => {
    const node = lookup(at.root, resolvePath(at.cwd, p))
    if (!node) {
      io.err(`ls: ${p}: No such file or directory\n`)
      code = 1
      return
    }
    const entries: Array<[string, FsNode]> =
      node.type === 'dir' ? [...node.children.entries()].sort(([a], [b]) => a.localeCompare(b)) : [[p, node]]
    if (all && node.type === 'dir') entries.unshift(['.', node], ['..', node])
    if (targets.length > 1 && node.type === 'dir') io.out(`${idx > 0 ? '\n' : ''}${p}:\n`)
    for (const [name, n] of entries) {
      if (!long) io.out(`${name}\n`)
      else {
        const size = n.type === 'file' ? Buffer.byteLength(n.content) : 4096
        const mode = n.type === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--'
        io.out(`${mode}    1 root     root     ${String(size).padStart(8)} Jan  1 00:00 ${name}\n`)
      }
    }
  })
  return code
}

export function cat(at: FsPlace, args: string[], io: ShellIo): number {
  let code = 0
  for (const p of args) {
    const node = lookup(at.root, resolvePath(at.cwd, p))
    if (!node) {
      io.err(`cat: can't open '${p}': No such file or directory\n`)
      code = 1
    } else if (node.type === 'dir') {
      io.err(`cat: read error: Is a directory\n`)
      code = 1
    } else io.out(node.content)
  }
  return code
}

export function testPath(at: FsPlace, args: string[]): number {
  const [op = '', path = ''] = args
  const node = lookup(at.root, resolvePath(at.cwd, path))
  if (op === '-d') return node?.type === 'dir' ? 0 : 1
  if (op === '-f') return node?.type === 'file' ? 0 : 1
  if (op === '-e') return node ? 0 : 1
  if (op === '-n') return path !== '' ? 0 : 1
  if (op === '-z') return path === '' ? 0 : 1
  if (args[1] === '=' || args[1] === '!=') return (args[0] === args[2]) === (args[1] === '=') ? 0 : 1
  return args.length === 1 && op !== '' ? 0 : 1
}

export function mkdir(at: FsPlace, args: string[], io: ShellIo): number {
  const parents = args.includes('-p')
  for (const a of args.filter((x) => x !== '-p')) {
    const p = resolvePath(at.cwd, a)
    const exists = lookup(at.root, p)
    const parentOk = lookup(at.root, resolvePath(p, '..'))?.type === 'dir'
    if ((exists && !parents) || (!parents && !parentOk) || !makeDirs(at.root, p)) {
      io.err(
        `mkdir: can't create directory '${a}': ${exists ? 'File exists' : 'No such file or directory'}\n`,
      )
      return 1
    }
  }
  return 0
}

// rm [-f] [-r|-R] paths: -f is quiet about missing files, a directory needs -r.
export function rm(at: FsPlace, args: string[], io: ShellIo): number {
  const flags = args.filter((a) => /^-[frR]+$/.test(a)).join('')
  const force = flags.includes('f')
  const recursive = /[rR]/.test(flags)
  let code = 0
  for (const a of args.filter((x) => !/^-[frR]+$/.test(x))) {
    const p = resolvePath(at.cwd, a)
    const node = lookup(at.root, p)
    const parent = lookup(at.root, resolvePath(p, '..'))
    const why = !node
      ? 'No such file or directory'
      : node.type === 'dir' && !recursive
        ? 'Is a directory'
        : ''
    if (why) {
      if (!(force && !node)) {
        io.err(`rm: can't remove '${a}': ${why}\n`)
        code = 1
      }
      continue
    }
    if (parent?.type === 'dir' && p !== '/') parent.children.delete(p.split('/').pop() ?? '')
  }
  return code
}
