import { startSandbox } from './index'
import { request, stream } from './testing/http-client'

// Rough figures by hand (`npx tsx src/main/sandbox/perf-figures.ts`); not a test, timings vary with load.
async function time<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now()
  const result = await fn()
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`)
  return result
}

const sb = await startSandbox({ name: 'perf', manualClock: true })
await time('seedPods 10,000', () => sb.seedPods('bench', 10_000))
await time('controllers settle', () => sb.advance(0))
for (let i = 0; i < 3; i++) {
  const res = await time(`LIST 10,000 pods JSON #${i + 1}`, () =>
    request(sb, '/api/v1/namespaces/bench/pods'),
  )
  if (i === 0) console.log(`  body ${(res.text.length / 1e6).toFixed(1)} MB`)
}
await time('LIST 10,000 pods as Table', () =>
  request(sb, '/api/v1/namespaces/bench/pods', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' }),
)
const watchers = Array.from({ length: 100 }, () =>
  stream(sb, '/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=0'),
)
await Promise.all(watchers.map((w) => w.waitFor(1)))
await time('1 change fanned out to 100 watchers', async () => {
  await request(sb, '/api/v1/namespaces/default/configmaps', {
    method: 'POST',
    body: { metadata: { name: 'fan' } },
  })
  await Promise.all(watchers.map((w) => w.waitFor(2)))
})
for (const w of watchers) w.close()
console.log(`rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`)
await sb.stop()
