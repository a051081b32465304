import type { FsNode } from './container-fs'
import { lookup, resolvePath } from './container-fs'
import { extract } from './container-files'
import type { ShellIo } from './shell'
import { createTar, readTar } from './tar'

// busybox tar's arguments as `kubectl cp` uses them: `tar cf - PATH` and `tar [--no-same-*] -xmf - -C DIR`.
export function runTar(root: FsNode, cwd: string, args: string[], io: ShellIo, stdin: Buffer): number {
  let mode = ''
  let dir = cwd
  const paths: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '-C') dir = resolvePath(cwd, args[++i] ?? '.')
    else if (a.startsWith('--'))
      continue // --no-same-owner, --no-same-permissions: nothing to change here
    else if (mode === '' && /^-?[cxtvfmzp]+$/.test(a)) {
      mode = a.includes('c') ? 'c' : a.includes('x') ? 'x' : a.includes('t') ? 't' : ''
      if (a.includes('f')) i++ // the archive: only "-" (stdin/stdout) exists here
    } else paths.push(a)
  }
  if (mode === 'x') {
    if (lookup(root, dir)?.type !== 'dir') {
      io.err(`tar: can't change directory to '${dir}': No such file or directory\n`)
      return 1
    }
    extract(root, dir, readTar(stdin))
    return 0
  }
  if (mode === 't') {
    for (const e of readTar(stdin)) io.out(`${e.name}${e.dir ? '/' : ''}\n`)
    return 0
  }
  if (mode !== 'c') {
    io.err('tar: need exactly one of -c, -x or -t\n')
    return 1
  }
  const entries: Array<{ name: string; node: FsNode }> = []
  let code = 0
  for (const p of paths) {
    const node = lookup(root, resolvePath(dir, p))
    if (!node) {
      io.err(`tar: ${p}: No such file or directory\n`)
      code = 1
      continue
    }
    if (p.startsWith('/')) io.err("tar: removing leading '/' from member names\n")
    entries.push({ name: p.replace(/^\/+/, '').replace(/\/+$/, '') || '.', node })
  }
  const archive = createTar(entries)
  if (io.bytes) io.bytes(archive)
  else io.out(archive.toString('latin1'))
  return code
}
