import http from 'node:http'
import { PassThrough } from 'node:stream'
import { Exec, KubeConfig } from '@kubernetes/client-node'
import { execa } from 'execa'
import type { BenchCluster } from './cluster'
import { percentile, timed } from './stats'

// Scenario 7: the sandbox's streaming endpoints as a user meets them: an exec round trip (client-node over
// WebSocket v5, and the whole `kubectl exec` command), and HTTP requests through `kubectl port-forward`.
export interface StreamingFigures {
  execMs: number
  kubectlExecMs: number
  forwardNewConnectionMs: number
  forwardKeepAliveMs: number
}

export const STREAM_POD = 'bench-stream-web'
const POD = STREAM_POD

export async function prepareStreaming(cluster: BenchCluster, namespace: string): Promise<void> {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: POD },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
  }
  const created = await cluster.request(
    'POST',
    `/api/v1/namespaces/${namespace}/pods?fieldManager=skiff`,
    pod,
  )
  if (created.status !== 201 && created.status !== 409) throw new Error(`create pod: ${created.text}`)
  const deadline = Date.now() + 60_000
  for (;;) {
    const r = await cluster.request('GET', `/api/v1/namespaces/${namespace}/pods/${POD}`)
    const status = (JSON.parse(r.text) as { status?: { containerStatuses?: Array<{ ready?: boolean }> } })
      .status
    if (status?.containerStatuses?.[0]?.ready) return
    if (Date.now() > deadline) throw new Error('bench pod did not become ready in 60 s')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

function kubeConfig(cluster: BenchCluster): KubeConfig {
  const kc = new KubeConfig()
  kc.loadFromFile(cluster.kubeconfig)
  return kc
}

function execOnce(kc: KubeConfig, namespace: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = new PassThrough()
    out.resume()
    new Exec(kc)
      .exec(namespace, POD, 'web', ['echo', 'hi'], out, null, null, false, (status) =>
        status.status === 'Success' ? resolve() : reject(new Error(JSON.stringify(status))),
      )
      .catch(reject)
  })
}

function get(port: number, agent: http.Agent | false): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume()
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))))
    })
    req.on('error', reject)
  })
}

async function median(samples: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = []
  for (let i = 0; i < samples; i++) ms.push((await timed(fn)).ms)
  return percentile(ms, 50)
}

export async function streamingFigures(
  cluster: BenchCluster,
  namespace: string,
  samples: number,
): Promise<StreamingFigures> {
  const kc = kubeConfig(cluster)
  await execOnce(kc, namespace) // warm the TLS session and the code paths
  const execMs = await median(samples, () => execOnce(kc, namespace))
  const kubectlExecMs = await median(Math.max(2, samples / 5), () =>
    execa('/usr/bin/kubectl', ['exec', '-n', namespace, POD, '--', 'echo', 'hi'], { env: cluster.env }),
  )
  const pf = execa('/usr/bin/kubectl', ['port-forward', '-n', namespace, `pod/${POD}`, ':80'], {
    env: cluster.env,
    reject: false,
  })
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let text = ''
      pf.stdout?.on('data', (d: Buffer) => {
        text += d.toString()
        const m = /Forwarding from 127\.0\.0\.1:(\d+)/.exec(text)
        if (m) resolve(Number(m[1]))
      })
      void pf.then((r) => reject(new Error(`kubectl port-forward exited: ${String(r.stderr)}`)))
    })
    await get(port, false)
    const forwardNewConnectionMs = await median(samples, () => get(port, false))
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    await get(port, agent)
    const forwardKeepAliveMs = await median(samples, () => get(port, agent))
    agent.destroy()
    return { execMs, kubectlExecMs, forwardNewConnectionMs, forwardKeepAliveMs }
  } finally {
    pf.kill()
  }
}
