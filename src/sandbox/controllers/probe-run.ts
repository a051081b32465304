import type { ObjectApi } from '../api/objects'
import { filesFor } from '../exec/container-files'
import { Shell } from '../exec/shell'
import { findPortTarget, reply } from '../portforward/container-ports'
import type { ContainerSpec, Pod } from '../types'
import { isRecord } from '../types'

// One probe against a simulated container, as the kubelet's prober runs it: exec runs the command in the
// container's shell and file tree (so `kubectl exec ... -- rm /tmp/healthy` fails a `cat /tmp/healthy`
// probe), httpGet asks the port's simulated server (nginx: 404 off its pages), tcpSocket checks that some
// container declares the port. Messages are the kubelet's.
export interface ProbeResult {
  ok: boolean
  message: string
}

function resolvePort(c: ContainerSpec, port: unknown): number {
  if (typeof port === 'number') return port
  const named = (c.ports ?? []).find((p) => p.name === port)
  return named ? named.containerPort : Number(port)
}

export async function runProbe(
  api: ObjectApi,
  pod: Pod,
  c: ContainerSpec,
  probe: Record<string, unknown>,
): Promise<ProbeResult> {
  const ip = pod.status.podIP ?? ''
  if (isRecord(probe.exec)) {
    const command = Array.isArray(probe.exec.command) ? probe.exec.command.map(String) : []
    const shell = new Shell({ pod, container: c, files: filesFor(api, { pod, container: c }) })
    let output = ''
    const io = {
      out: (t: string) => (output += t),
      err: (t: string) => (output += t),
      bytes: (b: Buffer) => (output += b.toString('utf8')),
    }
    const code = await shell.run(command, io)
    return {
      ok: code === 0,
      message: output || `command ${JSON.stringify(command.join(' '))} exited with ${code}`,
    }
  }
  if (isRecord(probe.httpGet)) {
    const port = resolvePort(c, probe.httpGet.port)
    const path = typeof probe.httpGet.path === 'string' ? probe.httpGet.path : '/'
    const scheme = probe.httpGet.scheme === 'HTTPS' ? 'https' : 'http'
    const target = findPortTarget(pod, port)
    if (!target)
      return {
        ok: false,
        message: `Get "${scheme}://${ip}:${port}${path}": dial tcp ${ip}:${port}: connect: connection refused`,
      }
    const status = reply(target, 'GET', path).status
    return { ok: status >= 200 && status < 400, message: `HTTP probe failed with statuscode: ${status}` }
  }
  if (isRecord(probe.tcpSocket)) {
    const port = resolvePort(c, probe.tcpSocket.port)
    if (findPortTarget(pod, port)) return { ok: true, message: '' }
    return { ok: false, message: `dial tcp ${ip}:${port}: connect: connection refused` }
  }
  return { ok: true, message: '' }
}
