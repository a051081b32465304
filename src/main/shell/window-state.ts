import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
  maximized?: boolean
}

const fallback: WindowBounds = { width: 1280, height: 820 }

/** Last window bounds, or a sensible default when the file is missing or unreadable. */
export function loadWindowState(file: string): WindowBounds {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowBounds>
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n)
    if (!ok(v.width) || !ok(v.height) || v.width < 400 || v.height < 300) return fallback
    return {
      width: Math.round(v.width),
      height: Math.round(v.height),
      ...(ok(v.x) && ok(v.y) ? { x: Math.round(v.x), y: Math.round(v.y) } : {}),
      maximized: v.maximized === true,
    }
  } catch {
    return fallback
  }
}

/** Written via a temp file and rename so a crash never leaves half a file. */
export function saveWindowState(file: string, bounds: WindowBounds): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(bounds), { mode: 0o600 })
  renameSync(tmp, file)
}
