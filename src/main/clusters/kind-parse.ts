/** Pure parsers for kind's output as described in cli-spec.md. */

export interface KindVersion {
  version: string
  raw: string
}

/** `kind version` → "kind v0.33.0 go1.24.6 linux/amd64"; also accepts `-q` output ("0.33.0"). */
export function parseKindVersion(stdout: string): KindVersion | undefined {
  const raw = stdout.trim().split('\n')[0]?.trim() ?? ''
  const m = /^(?:kind\s+)?v?(\d+\.\d+\.\d+[\w.+-]*)/.exec(raw)
  if (!m?.[1]) return undefined
  return { version: m[1], raw }
}

export interface KindStepLine {
  /** Step text without the marker and trailing emoji, e.g. "Preparing nodes". */
  step: string
  /**
   * The step as shown to people: kind's emoji (boxes where a font lacks them) stripped, or turned into words
   * where they count something: "Preparing nodes 📦 📦" → "Preparing nodes (2 nodes)".
   */
  title: string
  state: 'running' | 'done' | 'failed'
}

// Steps are plain words (and "≤ 2m0s = Ready"); the trailing decoration is emoji and spaces.
const STEP = /^\s*([•✓✗])\s+(.+?)\s*$/u
const TRAILING_DECORATION = /[\s\p{Extended_Pictographic}\uFE0F\u200D]+$/u
const EMOJI = /[\p{Extended_Pictographic}\uFE0F\u200D]/gu

/** kind's step text without emoji; its one box per node becomes a count. */
export function plainStepTitle(printed: string): string {
  const boxes = printed.match(/\u{1F4E6}/gu)?.length ?? 0
  const plain = printed.replace(EMOJI, '').replace(/\s+/g, ' ').trim()
  return boxes > 1 ? `${plain} (${boxes} nodes)` : plain
}

/** One stderr line of `kind create cluster` → a step start/end, or undefined for other lines. */
export function parseKindStepLine(line: string): KindStepLine | undefined {
  const m = STEP.exec(line)
  if (!m?.[1] || !m[2]) return undefined
  const marker = m[1]
  let title = m[2]
  if (marker === '•') title = title.replace(/\s*\.\.\.$/, '')
  title = title.trimEnd()
  const step = title.replace(TRAILING_DECORATION, '').trim()
  if (!step) return undefined
  const state = marker === '•' ? 'running' : marker === '✓' ? 'done' : 'failed'
  return { step, title: plainStepTitle(title), state }
}

/** `kind get clusters`: names on stdout; "No kind clusters found." (stderr) means none. */
export function parseKindClusters(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== 'No kind clusters found.' && /^[a-z0-9.-]+$/.test(l))
}

/** `kind get nodes --name N`: node container names on stdout; "No kind nodes found …" (stderr) means none. */
export function parseKindNodes(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(l))
}

export interface KindFailure {
  message: string
  commandOutput?: string
}

/** Finds `ERROR: <message>` and an optional `Command Output: …` block in kind's stderr. */
export function parseKindError(stderr: string): KindFailure | undefined {
  const lines = stderr.split('\n')
  const at = lines.findIndex((l) => l.startsWith('ERROR: '))
  if (at < 0) return undefined
  const message = (lines[at] ?? '').slice('ERROR: '.length).trim()
  const rest = lines.slice(at + 1).join('\n')
  const out = /Command Output:\s*([\s\S]*)$/.exec(rest)
  const failure: KindFailure = { message }
  const commandOutput = out?.[1]?.trim()
  if (commandOutput) failure.commandOutput = commandOutput
  return failure
}

/** The step list kind prints for a config, so progress has a total before the first line. */
export function expectedKindSteps(opts: {
  workers: number
  wait: boolean
  controlPlanes?: number
}): string[] {
  const steps = ['Ensuring node image', 'Preparing nodes']
  if ((opts.controlPlanes ?? 1) > 1) steps.push('Configuring the external load balancer')
  steps.push('Writing configuration', 'Starting control-plane', 'Installing CNI', 'Installing StorageClass')
  if ((opts.controlPlanes ?? 1) > 1) steps.push('Joining more control-plane nodes')
  if (opts.workers > 0) steps.push('Joining worker nodes')
  if (opts.wait) steps.push('Waiting ≤ 2m0s for control-plane = Ready')
  return steps
}
