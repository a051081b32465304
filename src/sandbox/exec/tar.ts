import type { FsNode } from './container-fs'

// Just enough ustar for `kubectl cp`: `tar cf - PATH` writes the tree under PATH, `tar xf - -C DIR` unpacks
// what kubectl sends (Go's archive/tar: regular files and directories, PAX or GNU long names).
const BLOCK = 512

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0'
}

function header(name: string, dir: boolean, size: number): Buffer {
  const h = Buffer.alloc(BLOCK)
  h.write(name.slice(0, 100), 0, 'utf8')
  h.write(octal(dir ? 0o755 : 0o644, 8), 100)
  h.write(octal(0, 8), 108)
  h.write(octal(0, 8), 116)
  h.write(octal(size, 12), 124)
  h.write(octal(0, 12), 136)
  h.write('        ', 148) // checksum counts as spaces while it is summed
  h.write(dir ? '5' : '0', 156)
  h.write('ustar\0' + '00', 257, 'latin1')
  h.write('root', 265)
  h.write('root', 297)
  let sum = 0
  for (const b of h) sum += b
  h.write(octal(sum, 7) + ' ', 148)
  return h
}

function pad(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK)
}

export function createTar(entries: Array<{ name: string; node: FsNode }>): Buffer {
  const parts: Buffer[] = []
  const add = (name: string, node: FsNode): void => {
    if (node.type === 'dir') {
      parts.push(header(`${name}/`, true, 0))
      for (const [child, n] of [...node.children].sort(([a], [b]) => a.localeCompare(b)))
        add(`${name}/${child}`, n)
    } else {
      const body = Buffer.from(node.content, 'utf8')
      parts.push(header(name, false, body.length), body, pad(body.length))
    }
  }
  for (const e of entries) add(e.name, e.node)
  parts.push(Buffer.alloc(BLOCK * 2))
  return Buffer.concat(parts)
}

export interface TarEntry {
  name: string
  dir: boolean
  content: Buffer
}

function field(h: Buffer, start: number, len: number): string {
  const raw = h.subarray(start, start + len)
  const end = raw.indexOf(0)
  return raw.subarray(0, end < 0 ? len : end).toString('utf8')
}

export function readTar(data: Buffer): TarEntry[] {
  const out: TarEntry[] = []
  let at = 0
  let longName: string | undefined
  while (at + BLOCK <= data.length) {
    const h = data.subarray(at, at + BLOCK)
    if (h.every((b) => b === 0)) break
    const size = parseInt(field(h, 124, 12).trim() || '0', 8)
    const type = String.fromCharCode(h[156] ?? 48)
    const prefix = field(h, 345, 155)
    const body = data.subarray(at + BLOCK, at + BLOCK + size)
    at += BLOCK + size + ((BLOCK - (size % BLOCK)) % BLOCK)
    if (type === 'L') longName = body.toString('utf8').replace(/\0+$/, '')
    else if (type === 'x')
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? longName
    else if (type === '0' || type === '\0' || type === '5') {
      const name = longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100))
      longName = undefined
      out.push({ name: name.replace(/\/$/, ''), dir: type === '5', content: Buffer.from(body) })
    } else longName = undefined
  }
  return out
}
