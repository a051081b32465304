// Shared helpers for the fake kind/minikube/docker executables (see /work/shared/cli-spec.md).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setInterval, setTimeout } from 'node:timers'

export const env = process.env

export function stateDir(...parts) {
  const dir = path.join(env.FAKE_STATE_DIR || path.join(os.tmpdir(), 'skiff-fake-state'), ...parts)
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

export const stepDelayMs = () => Number(env.FAKE_STEP_DELAY_MS ?? 50)
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Splits argv into positionals and flags; accepts `--f v`, `--f=v`, `-p v` and boolean flags. */
export function parseArgs(argv, booleans = []) {
  const positional = []
  const flags = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=')
      const key = (eq >= 0 ? a.slice(0, eq) : a).replace(/^-+/, '')
      if (eq >= 0) flags[key] = a.slice(eq + 1)
      else if (booleans.includes(key) || i + 1 >= argv.length) flags[key] = true
      else flags[key] = argv[++i]
    } else positional.push(a)
  }
  return { positional, flags }
}

/** Records this process (and helpers) so tests can prove nothing is left running. */
export function trackProcess() {
  const file = path.join(stateDir('pids'), String(process.pid))
  fs.writeFileSync(file, process.argv.slice(2).join(' '))
  process.on('exit', () => fs.rmSync(file, { force: true }))
  if (env.FAKE_SPAWN_HELPER) {
    // Like kind running `docker …`: a child in our process group that outlives us unless the group is killed.
    const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
    fs.writeFileSync(path.join(stateDir('pids'), `${helper.pid}.helper`), 'helper')
    helper.unref()
    // A normal exit ends the helper like a finished `docker` call; a kill leaves it to the group kill.
    process.on('exit', () => helper.kill('SIGKILL'))
  }
}

export async function hang() {
  setInterval(() => {}, 1 << 30)
  await new Promise(() => {})
}

/** Knobs shared by all fakes: hang forever, or print garbage and exit 0. */
export async function applyFaultKnobs() {
  if (env.FAKE_HANG === '1') await hang()
  if (env.FAKE_GARBAGE === '1') {
    process.stdout.write('\x00\xff{{not json]] \x1b[31m%%garbage%%\x1b[0m\n\u0007bin ary\r\n')
    process.stderr.write('??? \ufffd\ufffd segfault-ish noise\n')
    process.exit(0)
  }
}

export function kubeconfigPath(explicit) {
  if (explicit) return explicit
  const list = (env.KUBECONFIG || '').split(path.delimiter).filter(Boolean)
  if (list.length) return list.find((f) => fs.existsSync(f)) ?? list[list.length - 1]
  return path.join(env.HOME || os.homedir(), '.kube', 'config')
}

function withLock(file, fn) {
  const lock = `${file}.lock`
  fs.mkdirSync(path.dirname(file), { recursive: true })
  for (let attempt = 0; ; attempt++) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'))
      break
    } catch (err) {
      if (err.code !== 'EEXIST' || attempt > 100) throw err
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
    }
  }
  try {
    return fn()
  } finally {
    fs.rmSync(lock, { force: true })
  }
}

// yaml loads lazily: most fake runs never touch a kubeconfig, and tests spawn many of them.
export const loadYaml = async () => (await import('yaml')).default

async function editKubeconfig(file, edit) {
  const YAML = await loadYaml()
  withLock(file, () => {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
    const doc = YAML.parse(text) ?? {}
    doc.apiVersion ??= 'v1'
    doc.kind ??= 'Config'
    for (const key of ['clusters', 'users', 'contexts']) if (!Array.isArray(doc[key])) doc[key] = []
    edit(doc)
    const tmp = `${file}.fake-tmp`
    fs.writeFileSync(tmp, YAML.stringify(doc))
    fs.renameSync(tmp, file)
  })
}

const upsert = (list, entry) => [...list.filter((e) => e?.name !== entry.name), entry]

/**
 * Adds cluster, user and context `name` pointing at `api` (a backing sandbox) or FAKE_API_SERVER; optionally
 * makes it current.
 */
export async function writeContext(file, name, { setCurrent, api }) {
  const server = api?.server || env.FAKE_API_SERVER || 'https://127.0.0.1:6443'
  const caData = api?.caData || env.FAKE_API_CA_DATA
  const token = api?.token || env.FAKE_API_TOKEN || `fake-token-${name}`
  const cluster = { server }
  if (caData) cluster['certificate-authority-data'] = caData
  else if (server.startsWith('https:')) cluster['insecure-skip-tls-verify'] = true
  await editKubeconfig(file, (doc) => {
    doc.clusters = upsert(doc.clusters, { name, cluster })
    doc.users = upsert(doc.users, { name, user: { token } })
    doc.contexts = upsert(doc.contexts, { name, context: { cluster: name, user: name } })
    if (setCurrent) doc['current-context'] = name
  })
}

export async function removeContext(file, name, { clearCurrent = true } = {}) {
  if (!fs.existsSync(file)) return
  await editKubeconfig(file, (doc) => {
    for (const key of ['clusters', 'users', 'contexts']) doc[key] = doc[key].filter((e) => e?.name !== name)
    if (clearCurrent && doc['current-context'] === name) doc['current-context'] = ''
  })
}

/** Clears current-context if it names `name` (what `minikube stop` does without --keep-context-active). */
export async function clearCurrentContext(file, name) {
  if (!fs.existsSync(file)) return
  await editKubeconfig(file, (doc) => {
    if (doc['current-context'] === name) doc['current-context'] = ''
  })
}

/** Writes JSON through a temporary file and a rename, so a concurrent reader never sees half a file. */
export function writeJsonAtomic(file, value) {
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(value))
  fs.renameSync(tmp, file)
}

export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

export const DOCKER_DOWN =
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'
