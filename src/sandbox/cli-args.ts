import { parseArgs } from 'node:util'

// `npm run sandbox -- --name demo [--kubeconfig FILE] [--port N] [--nodes N] [--speed X] [--state FILE] [--images FILE]`
export interface CliOptions {
  name: string
  kubeconfig?: string
  port: number
  nodes: number
  speed: number
  state?: string
  /** JSON file of host-only and loaded images, followed while the sandbox runs. */
  images?: string
}

export const USAGE =
  'usage: npm run sandbox -- --name NAME [--kubeconfig FILE] [--port N] [--nodes 1-3] [--speed X] [--state FILE] [--images FILE]'

function int(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a non-negative integer, got "${value}"`)
  return n
}

export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: 'string' },
      kubeconfig: { type: 'string' },
      port: { type: 'string' },
      nodes: { type: 'string' },
      speed: { type: 'string' },
      state: { type: 'string' },
      images: { type: 'string' },
    },
    strict: true,
  })
  if (!values.name) throw new Error(`--name is required\n${USAGE}`)
  const speed = values.speed === undefined ? 1 : Number(values.speed)
  if (!(speed > 0)) throw new Error(`--speed must be a positive number, got "${values.speed}"`)
  return {
    name: values.name,
    port: int(values.port, 0, '--port'),
    nodes: int(values.nodes, 1, '--nodes'),
    speed,
    ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}),
    ...(values.state ? { state: values.state } : {}),
    ...(values.images ? { images: values.images } : {}),
  }
}
