import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { untilEnded } from '../support/process-alive'
import { onStablePort } from '../support/stable-port'
import { e2eBackendEntry } from './backend-build'
import { e2eWebDir } from './web-build'

const START_DEADLINE_MS = 50_000

export interface ServedApp {
  url: string
  origin: string
  home: string
  env: NodeJS.ProcessEnv
  /** Stops the server; `keepHome` leaves its HOME for a relaunch (serveApp's `home` option). */
  stop(keepHome?: boolean): Promise<void>
}

/**
 * Starts web mode's built backend the way `npm run serve` does, serving the e2e run's build, in a throwaway HOME
 * (so the person's kubeconfig and data are never touched), and waits for its one "Skiff web UI:" line.
 */
export async function serveApp(
  extraEnv: NodeJS.ProcessEnv = {},
  options: { port?: number; home?: string } = {},
): Promise<ServedApp> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'skiff-e2e-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    KUBECONFIG: join(home, '.kube', 'config'),
    KUBECACHEDIR: join(home, '.kube', 'cache'),
    SKIFF_DATA_DIR: join(home, 'skiff-data'),
    // The fake kind/minikube keep their clusters here, so each run starts empty.
    FAKE_STATE_DIR: join(home, 'fake-state'),
    ...extraEnv,
  }
  const child = spawn(
    process.execPath,
    [e2eBackendEntry, '--port', String(options.port ?? 0), '--static', e2eWebDir],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    let err = ''
    // Legitimately slow under load (from the sources through tsx it took about 9 s of CPU, 10-20 s on a busy
    // 2-core box, past 30 s at load 20; built, about 1 s of CPU). Kept under the 60 s hook timeout so this
    // message is the one shown, and the server is ended rather than left running.
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`serve did not start in ${START_DEADLINE_MS / 1000} s:\n${out}\n${err}`))
    }, START_DEADLINE_MS)
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Skiff web UI: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}:\n${out}\n${err}`))
    })
  })
  return {
    url,
    origin: new URL(url).origin,
    home,
    env,
    stop: async (keepHome = false) => {
      await stopChild(child)
      if (keepHome) return
      await endRecordedFakes(join(home, 'fake-state', 'pids'))
      // A process outside the records (e.g. a fake's short-lived child) may still add a file while it goes.
      rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
    },
  }
}

/** serveApp on a port below the ephemeral range, for a test that relaunches the app on the same port. */
export function serveAppToRelaunch(extraEnv: NodeJS.ProcessEnv = {}): Promise<ServedApp> {
  return onStablePort(
    (port) => serveApp(extraEnv, { port }),
    (err) => /is already in use/.test(String(err)),
    10,
  )
}

/**
 * Backing sandboxes of fake clusters run detached (as real kind nodes outlive the CLI); end them with the run.
 * A SIGTERMed sandbox saves its state as it goes, so its HOME is removed only once it has ended (else the
 * removal and the save race: ENOTEMPTY); one that outlasts the grace is killed.
 */
async function endRecordedFakes(dir: string): Promise<void> {
  if (!existsSync(dir)) return
  const pids = readdirSync(dir)
    .map((entry) => Number.parseInt(entry, 10))
    .filter(Number.isInteger)
  for (const pid of pids) signal(pid, 'SIGTERM')
  for (const pid of await untilEnded(pids, 10_000)) signal(pid, 'SIGKILL')
  await untilEnded(pids, 5_000)
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name)
  } catch {
    // already gone
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGINT')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}
