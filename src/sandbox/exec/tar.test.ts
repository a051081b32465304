import { describe, expect, it } from 'vitest'
import type { FsNode } from './container-fs'
import { createTar, readTar } from './tar'

// The ustar subset kubectl cp needs, read back by our own reader (kubectl's side is in kubectl-streaming).
describe('tar', () => {
  it('writes a tree with valid checksums and reads it back', () => {
    const tree: FsNode = {
      type: 'dir',
      children: new Map<string, FsNode>([
        ['a.txt', { type: 'file', content: 'hello\n' }],
        ['sub', { type: 'dir', children: new Map([['b.txt', { type: 'file', content: 'x'.repeat(700) }]]) }],
      ]),
    }
    const archive = createTar([{ name: 'site', node: tree }])
    expect(archive.length % 512).toBe(0)
    const first = archive.subarray(0, 512)
    const stored = parseInt(first.subarray(148, 154).toString(), 8)
    const sum = [...first].reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0)
    expect(stored).toBe(sum)
    expect(readTar(archive).map((e) => [e.name, e.dir, e.content.length])).toEqual([
      ['site', true, 0],
      ['site/a.txt', false, 6],
      ['site/sub', true, 0],
      ['site/sub/b.txt', false, 700],
    ])
  })
})
