/** The slice of src/sandbox this provider needs. */
export interface RunningSandbox {
  name: string
  url: string
  port: number
  token: string
  caData: string
  stop(): Promise<void>
  save(file: string): Promise<void>
}

export type StartSandbox = (options: {
  name: string
  port?: number
  nodes?: number
  stateFile?: string
}) => Promise<RunningSandbox>

/** The same shape as kubeconfig's UpsertEntry: cluster, user and context all named `sandbox-<name>`. */
export interface SandboxContextEntry {
  cluster: { name: string; server: string; caData: string }
  user: { name: string; token: string }
  context: { name: string; cluster: string; user: string }
}

export interface SandboxKubeconfig {
  upsert(entry: SandboxContextEntry, options: { setCurrent: boolean }): Promise<void>
  /** Removes the clusters, users and contexts with these names. */
  remove(names: string[]): Promise<void>
}
