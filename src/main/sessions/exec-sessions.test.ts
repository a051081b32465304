import { describe, expect, it } from 'vitest'
import { EXEC_INPUT_MAX, EXEC_INPUT_RATE, sessionMethods, sessionStreams } from '@shared/contract'
import { createExecSessions } from './exec-sessions'

describe('exec sessions', () => {
  it('routes input and resizes to the session, and refuses an unknown or ended one', () => {
    const got: string[] = []
    const sessions = createExecSessions(() => 0)
    const s = sessions.add({ write: (d) => got.push(d), resize: (c, r) => got.push(`${c}x${r}`) })
    expect(sessions.input(s.id, 'ls\r')).toBe(3)
    sessions.resize(s.id, 100, 30)
    expect(got).toEqual(['ls\r', '100x30'])
    s.remove()
    expect(() => sessions.input(s.id, 'x')).toThrow('This terminal session has ended.')
    expect(sessions.count()).toBe(0)
  })

  it('limits input to its rate, on a stepped clock', () => {
    let now = 0
    const sessions = createExecSessions(() => now)
    const s = sessions.add({ write: () => {}, resize: () => {} })
    const chunk = 'x'.repeat(EXEC_INPUT_MAX)
    const calls = EXEC_INPUT_RATE / EXEC_INPUT_MAX
    for (let i = 0; i < calls; i++) sessions.input(s.id, chunk)
    expect(() => sessions.input(s.id, chunk)).toThrow(/faster than a terminal accepts/)
    now += 1000 * (EXEC_INPUT_MAX / EXEC_INPUT_RATE)
    expect(sessions.input(s.id, chunk)).toBe(EXEC_INPUT_MAX)
  })

  it('validates inputs in the contract: sizes, ids and terminal bounds', () => {
    const input = sessionMethods['exec.input'].input
    expect(input.safeParse({ session: 'a'.repeat(24), data: 'x'.repeat(EXEC_INPUT_MAX + 1) }).success).toBe(
      false,
    )
    expect(input.safeParse({ session: '../etc', data: 'x' }).success).toBe(false)
    expect(
      sessionMethods['exec.resize'].input.safeParse({ session: 'a'.repeat(24), cols: 0, rows: 5 }).success,
    ).toBe(false)
    const open = sessionStreams['exec.session'].input
    const ok = open.parse({ namespace: 'default', pod: 'web', container: 'nginx', cols: 80, rows: 24 })
    expect(ok).toMatchObject({ mode: 'exec', tty: true })
    expect(
      sessionMethods['ports.start'].input.safeParse({
        namespace: 'default',
        target: { kind: 'service', name: 'web' },
        port: 80,
        localPort: 80,
      }).success,
    ).toBe(false)
  })
})
