// FAKE_BACKING_SANDBOX=1: a created fake cluster is served by a real Skiff sandbox (src/sandbox/cli.ts),
// started detached, so the rest of the app (contexts, resources, kubectl) works on top of the fakes.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { hostImages } from './images.mjs'
import { env, loadYaml, readJson, stateDir } from './lib.mjs'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const files = (name) => {
  const dir = stateDir('backing')
  return {
    kubeconfig: path.join(dir, `${name}.kubeconfig`),
    log: path.join(dir, `${name}.log`),
    state: path.join(dir, `${name}.state.json`),
    images: path.join(dir, `${name}.images.json`),
  }
}

export const backingEnabled = () => env.FAKE_BACKING_SANDBOX === '1'

/** Starts the sandbox for `name` and returns what a kubeconfig needs plus its pid. */
export async function startBacking(name, nodes) {
  const f = files(name)
  fs.rmSync(f.kubeconfig, { force: true })
  const sandboxName = `fake-${name.replace(/[^a-z0-9-]/g, '-')}`.slice(0, 63).replace(/-+$/, '')
  // The sandbox treats the fake engine's images as host-only until a `load` lists them as loaded.
  const hostOnly = hostImages().map((i) => `${i.repository}:${i.tag}`)
  const previous = readJson(f.images)
  fs.writeFileSync(f.images, JSON.stringify({ hostOnly, loaded: previous?.loaded ?? [] }))
  const log = fs.openSync(f.log, 'w')
  const cli = path.join(repoRoot, 'src', 'sandbox', 'cli.ts')
  const args = [
    '--import',
    'tsx',
    cli,
    '--name',
    sandboxName,
    '--kubeconfig',
    f.kubeconfig,
    '--nodes',
    String(Math.min(3, nodes)),
    '--state',
    f.state,
    '--images',
    f.images,
    // FAKE_BACKING_SPEED=10: simulated time ×10, so a spec waiting out a pull back-off waits a tenth as long.
    ...(env.FAKE_BACKING_SPEED ? ['--speed', env.FAKE_BACKING_SPEED] : []),
  ]
  const child = spawn(process.execPath, args, { cwd: repoRoot, detached: true, stdio: ['ignore', log, log] })
  child.unref()
  // Listed with the other fake processes so a test's cleanup can end it even when the test fails.
  fs.writeFileSync(path.join(stateDir('pids'), `${child.pid}.backing`), 'backing sandbox')
  let exited = false
  child.on('exit', () => (exited = true))
  for (let waited = 0; waited < 60_000; waited += 100) {
    const text = fs.readFileSync(f.log, 'utf8')
    const ready = /^ready (\S+)/m.exec(text)
    if (ready) {
      const YAML = await loadYaml()
      const doc = YAML.parse(fs.readFileSync(f.kubeconfig, 'utf8'))
      return {
        pid: child.pid,
        imagesFile: f.images,
        server: ready[1],
        caData: doc.clusters?.[0]?.cluster?.['certificate-authority-data'],
        token: doc.users?.[0]?.user?.token,
      }
    }
    if (exited) throw new Error(`backing sandbox failed to start: ${text.trim()}`)
    await sleep(100)
  }
  process.kill(child.pid, 'SIGKILL')
  throw new Error('backing sandbox did not start within 60 s')
}

/**
 * True while `pid` runs. A zombie has ended: the sandbox is started detached by a fake that has since exited,
 * so its parent is init, and an init that never reaps leaves it a zombie, which signal 0 still finds on Linux.
 */
function running(pid) {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat[stat.lastIndexOf(')') + 2] !== 'Z'
  } catch {
    return true // no /proc (macOS): signal 0 is all there is
  }
}

/** Waits up to `ms` for `pid` to end; false if it still runs. */
async function ended(pid, ms) {
  const until = Date.now() + ms
  while (running(pid)) {
    if (Date.now() > until) return false
    await sleep(50)
  }
  return true
}

/**
 * Stops the sandbox and returns once it has exited, as `kind delete` and `minikube stop` return once the
 * containers are gone. It saves its state on SIGTERM (a restart must see the same objects): that is waited
 * for, on a loaded box for a while; only a sandbox that ignores SIGTERM is killed.
 */
export async function stopBacking(pid) {
  if (!pid || !running(pid)) return
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    return
  }
  if (await ended(pid, 60_000)) return
  process.kill(pid, 'SIGKILL')
  if (!(await ended(pid, 10_000))) throw new Error(`backing sandbox ${pid} did not exit after SIGKILL`)
}

/** What `kind load docker-image` / `minikube image load` do to a backing sandbox: the images become present. */
export async function loadIntoBacking(api, images) {
  if (!api?.imagesFile) return
  const doc = readJson(api.imagesFile) ?? { hostOnly: [], loaded: [] }
  doc.loaded = [...new Set([...(doc.loaded ?? []), ...images])]
  const tmp = `${api.imagesFile}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(doc))
  fs.renameSync(tmp, api.imagesFile)
}
