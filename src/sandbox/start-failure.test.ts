import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it, vi } from 'vitest'
import { startSandbox } from './index'

afterEach(() => {
  vi.useRealTimers()
})

// A restart on a port something else took meanwhile must fail plainly and leave nothing behind: the controllers
// it had started kept their timers (and so the process) alive.
it('a start on a taken port fails with EADDRINUSE and leaves no timer running', async () => {
  const holder = createServer()
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve))
  const { port } = holder.address() as AddressInfo
  try {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] })
    await expect(startSandbox({ name: 'taken', port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    // The controllers' queue runs on the next turns of the event loop (setImmediate, not faked): let it run
    // (a count of turns, not a wait on the clock), then no timer may be pending.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(vi.getTimerCount()).toBe(0)
  } finally {
    holder.close()
  }
})
