import { mkdtempSync, writeFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadWindowState, saveWindowState } from './window-state'

describe('window state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skiff-win-'))
  it('round-trips bounds and falls back on missing, corrupt or absurd files', () => {
    const file = join(dir, 'w.json')
    expect(loadWindowState(file)).toEqual({ width: 1280, height: 820 })
    saveWindowState(file, { x: 10, y: 20, width: 900, height: 700, maximized: true })
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    writeFileSync(file, '{"width": 9')
    expect(loadWindowState(file)).toEqual({ width: 1280, height: 820 })
    writeFileSync(file, '{"width": 10, "height": 10}')
    expect(loadWindowState(file)).toEqual({ width: 1280, height: 820 })
  })
})
