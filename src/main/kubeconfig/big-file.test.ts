import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadFile, parseKubeconfig } from './load-file'

// Issue #21 item 6: a 5 MB kubeconfig blocked every other call for seconds while it parsed. Big files are
// now parsed on a worker thread; the event loop keeps turning meanwhile.
let dir: string
let file: string
let text: string

function bigKubeconfig(entries: number): string {
  const blob = 'LS0tLS1CRUdJTi'.repeat(120)
  const parts = ['apiVersion: v1', 'kind: Config', 'current-context: c0', 'clusters:']
  for (let i = 0; i < entries; i++)
    parts.push(
      `- name: c${i}`,
      '  cluster:',
      `    server: https://127.0.0.1:${6000 + i}`,
      `    certificate-authority-data: ${blob}`,
    )
  parts.push('contexts:')
  for (let i = 0; i < entries; i++)
    parts.push(`- name: c${i}`, '  context:', `    cluster: c${i}`, `    user: u${i}`)
  parts.push('users:')
  for (let i = 0; i < entries; i++)
    parts.push(
      `- name: u${i}`,
      '  user:',
      `    client-certificate-data: ${blob}`,
      `    client-key-data: ${blob}`,
    )
  return parts.join('\n') + '\n'
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skiff-big-'))
  file = join(dir, 'config')
  text = bigKubeconfig(960)
  await writeFile(file, text)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('a 5 MB kubeconfig', () => {
  it('parses off the event loop, with the same result as parsing here', async () => {
    expect(text.length).toBeGreaterThan(5_000_000)
    let ticks = 0
    let maxGap = 0
    let last = performance.now()
    let done = false
    const loading = loadFile(file).finally(() => (done = true))
    while (!done) {
      await new Promise((r) => setTimeout(r, 5))
      const now = performance.now()
      maxGap = Math.max(maxGap, now - last)
      last = now
      ticks++
    }
    const loaded = await loading
    expect(loaded.status).toBe('ok')
    if (loaded.status !== 'ok') return
    expect(loaded.config.contexts).toHaveLength(960)
    // Parsing here blocks the loop for the whole parse (one or two ticks in all); off-thread it keeps turning.
    expect(ticks).toBeGreaterThan(20)
    const t = performance.now()
    const inline = parseKubeconfig(file, text)
    const inlineMs = performance.now() - t
    expect(inline).toEqual(loaded)
    console.log(
      `[big kubeconfig] ${(text.length / 1e6).toFixed(1)} MB: inline parse blocks ${Math.round(inlineMs)} ms; ` +
        `off-thread, longest event-loop gap ${Math.round(maxGap)} ms over ${ticks} ticks`,
    )
  }, 60_000)

  it('reports a broken big file the same way', async () => {
    const brokenFile = join(dir, 'broken')
    await writeFile(brokenFile, text.replace('- name: c5\n', '- name: c5\n\t bad: [\n'))
    const loaded = await loadFile(brokenFile)
    expect(loaded).toEqual(
      parseKubeconfig(brokenFile, text.replace('- name: c5\n', '- name: c5\n\t bad: [\n')),
    )
    expect(loaded.status).toBe('broken')
  }, 60_000)
})
