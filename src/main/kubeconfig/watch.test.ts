import { watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import { EventEmitter } from 'node:events'
import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createKubeconfigService } from './service'
import { kubectl, makeTempHome, twoContexts } from '../../../test/support/kubeconfig'
import type { TempHome } from '../../../test/support/kubeconfig'
import { watchFiles } from './watch'

let t: TempHome
beforeEach(async () => {
  t = await makeTempHome()
})
afterEach(() => t.cleanup())

function nextChange(subscribe: (onChange: () => void) => () => void, timeoutMs: number): Promise<number> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`no change event within ${timeoutMs} ms`))
    }, timeoutMs)
    const stop = subscribe(() => {
      clearTimeout(timer)
      stop()
      resolve(Date.now() - started)
    })
  })
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('watch', () => {
  it('a kubectl use-context in a subprocess reaches the subscriber within a second', async () => {
    const files = [
      await t.write('one', twoContexts('one', 'one-a')),
      await t.write('two', twoContexts('two', null)),
    ]
    const svc = createKubeconfigService({
      env: { KUBECONFIG: files.join(path.delimiter) },
      homedir: t.home,
      backupDir: t.backups,
    })
    const changed = nextChange((cb) => svc.watch(cb), 10_000)
    await kubectl(t.dir, files, ['config', 'use-context', 'two-b'])
    await changed
    // Latency from kubectl's write (the file's mtime) to the event, not counting kubectl's own start-up.
    const latency = Date.now() - (await stat(files[0]!)).mtimeMs
    // Generous for a loaded CI box; without the watch the change would not arrive at all.
    expect(latency).toBeLessThan(5000)
    expect((await svc.list()).currentContext).toBe('two-b')
  })

  it('sees a file replaced by rename, ignores other files, and stops when closed', async () => {
    const file = await t.write('config', 'a: 1\n')
    let calls = 0
    const close = watchFiles([file], () => calls++, { debounceMs: 20 })
    await writeFile(path.join(t.dir, 'unrelated'), 'x')
    await new Promise((r) => setTimeout(r, 150))
    expect(calls).toBe(0)
    await writeFile(path.join(t.dir, 'next'), 'a: 9\n')
    await rename(path.join(t.dir, 'next'), file)
    await waitFor(() => calls > 0)
    // Counted before the write: on a loaded box its event can be debounced and counted before writeFile returns.
    const seen = calls
    await writeFile(file, 'a: 2\n') // the watch survives the replacement
    await waitFor(() => calls > seen)
    close()
    const final = calls
    await writeFile(file, 'a: 10\n')
    await new Promise((r) => setTimeout(r, 150))
    expect(calls).toBe(final)
  })

  it('debounces a burst of events into one call and filters by file name', async () => {
    const fake = new EventEmitter()
    let listener: (event: string, filename: string | null) => void = () => undefined
    const watchFn = ((_dir: string, _opts: unknown, cb: typeof listener) => {
      listener = cb
      return Object.assign(fake, { close: () => undefined })
    }) as unknown as typeof watch
    let calls = 0
    const close = watchFiles([path.join(t.dir, 'config')], () => calls++, { debounceMs: 30, watchFn })
    for (let i = 0; i < 10; i++) listener('change', 'config')
    listener('rename', 'config.lock')
    listener('change', 'other')
    await new Promise((r) => setTimeout(r, 80))
    expect(calls).toBe(1)
    listener('change', null)
    await new Promise((r) => setTimeout(r, 80))
    expect(calls).toBe(2)
    listener('change', 'config')
    close() // a pending debounce is dropped on close
    await new Promise((r) => setTimeout(r, 80))
    expect(calls).toBe(2)
  })

  it('leaves no watcher handles open after unsubscribing', async () => {
    const files = [await t.write('a', 'x: 1\n'), await t.write('b', 'x: 1\n'), path.join(t.dir, 'sub', 'c')]
    const open = new Set<FSWatcher>()
    const counting = ((...args: Parameters<typeof watch>) => {
      const watcher = watch(...args)
      open.add(watcher)
      watcher.on('close', () => open.delete(watcher))
      return watcher
    }) as typeof watch
    const stops = [
      watchFiles(files, () => undefined, { watchFn: counting }),
      watchFiles(files, () => undefined, { watchFn: counting }),
    ]
    expect(open.size).toBe(4) // per subscriber: the folder, and the parent of the missing folder
    for (const stop of stops) stop()
    await new Promise((r) => setTimeout(r, 20))
    expect(open.size).toBe(0)
  })

  it('notices a kubeconfig created later in a folder that did not exist (fresh machine, no ~/.kube)', async () => {
    const file = path.join(t.dir, 'home', '.kube', 'config')
    let calls = 0
    const close = watchFiles([file], () => calls++, { debounceMs: 20 })
    try {
      await mkdir(path.dirname(file), { recursive: true })
      await waitFor(() => calls > 0)
      await new Promise((r) => setTimeout(r, 50)) // let the watch move to the new folder
      const seen = calls
      await writeFile(file, 'a: 1\n')
      await waitFor(() => calls > seen)
    } finally {
      close()
    }
  })
})
