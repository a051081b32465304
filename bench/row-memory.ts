// `node --expose-gc --import tsx bench/row-memory.ts [pods]`: what a watch cache holds per pod row. The pods'
// LIST pages come from an in-process sandbox (as the bench seeds them); each page is decoded as the backend
// does (`decodeListRows`) and its rows kept in a Map by key, like the cache; the heap after two GCs before and
// after, per row.
import { startCluster } from './cluster'
import { decodeListRows } from '../src/main/kube/list-decode'

const pods = Number(process.argv[2] ?? 20_000)
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')
const cluster = await startCluster()
try {
  cluster.sandbox.seedPods('bench', pods)
  const bodies: Buffer[] = []
  let cont = ''
  do {
    const r = await cluster.request(
      'GET',
      `/api/v1/namespaces/bench/pods?limit=500${cont ? `&continue=${cont}` : ''}`,
    )
    bodies.push(Buffer.from(r.text))
    cont = /"continue":"([^"]*)"/.exec(r.text.slice(0, 500))?.[1] ?? ''
  } while (cont)
  const heap = (): number => {
    gc()
    gc()
    return process.memoryUsage().heapUsed
  }
  const rows = new Map<string, unknown>()
  const before = heap()
  for (const b of bodies)
    for (const row of decodeListRows(b, 'pods').rows) rows.set((row as { key: string }).key, row)
  const after = heap()
  console.log(
    `${rows.size} rows: ${((after - before) / rows.size).toFixed(0)} bytes a row held (map included)`,
  )
} finally {
  await cluster.stop()
}
