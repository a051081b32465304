import type { ChaosTarget } from '../reconcile/chaos-bus'
import type { SandboxKubeconfigEntry } from '@sandbox'

/** The slice of src/sandbox this provider needs. */
export interface RunningSandbox {
  name: string
  url: string
  port: number
  token: string
  caData: string
  stop(): Promise<void>
  save(file: string): Promise<void>
  /** Loopback port where the simulated ingress controller answers. */
  ingressPort: number
  images: { load(image: string): void; setHostImages(images: string[]): void; loaded(): string[] }
  /** Break-it controls (the real sandbox always has them; test fakes may not). */
  chaos?: ChaosTarget['chaos']
}

export type StartSandbox = (options: {
  name: string
  port?: number
  nodes?: number
  speed?: number
  stateFile?: string
}) => Promise<RunningSandbox>

/** The sandbox's own entry (cluster, user and context all named `sandbox-<name>`), as kubeconfig upserts it. */
export type SandboxContextEntry = SandboxKubeconfigEntry

export interface SandboxKubeconfig {
  upsert(entry: SandboxContextEntry, options: { setCurrent: boolean }): Promise<void>
  /** Removes the clusters, users and contexts with these names. */
  remove(names: string[]): Promise<void>
}
