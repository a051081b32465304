// The shapes the renderer sees live in the contract; this folder adds what only the backend needs.
import type { ClusterInfo, CreateSpec, Detection, JobEvent } from '@shared/contract/clusters'

export type {
  ClusterInfo,
  ClusterState,
  CreateSpec,
  Detection,
  PrerequisiteCheck,
  ProviderId,
} from '@shared/contract/clusters'

/** Progress and log lines are the contract's job events; a provider emits them as the tool prints. */
export type ProgressEvent = Extract<JobEvent, { type: 'progress' }>
export type LogEvent = Extract<JobEvent, { type: 'log' }>

export interface CommandEvent {
  type: 'command'
  argv: string[]
}

export type ProviderEvent = ProgressEvent | LogEvent | CommandEvent

export type OnProviderEvent = (event: ProviderEvent) => void

export interface ClusterProvider {
  readonly id: ClusterInfo['provider']
  detect(): Promise<Detection>
  list(): Promise<ClusterInfo[]>
  create(spec: CreateSpec, onProgress: OnProviderEvent, signal: AbortSignal): Promise<ClusterInfo>
  delete(name: string, onProgress: OnProviderEvent, signal: AbortSignal): Promise<void>
  start?(name: string, onProgress: OnProviderEvent, signal: AbortSignal): Promise<void>
  stop?(name: string, onProgress: OnProviderEvent, signal: AbortSignal): Promise<void>
  pause?(name: string, onProgress: OnProviderEvent, signal: AbortSignal): Promise<void>
  unpause?(name: string, onProgress: OnProviderEvent, signal: AbortSignal): Promise<void>
  /** Makes a host image present on the cluster's nodes (kind load docker-image, minikube image load). */
  loadImage?(name: string, image: string, onProgress: OnProviderEvent, signal: AbortSignal): Promise<void>
  /** Images the cluster's nodes hold, as the container runtime names them. */
  clusterImages?(name: string): Promise<string[]>
  setAddon?(
    name: string,
    addon: string,
    enabled: boolean,
    onProgress: OnProviderEvent,
    signal: AbortSignal,
  ): Promise<void>
  /** URLs the tool itself works out for a Service (minikube service --url). */
  serviceUrl?(
    name: string,
    namespace: string,
    service: string,
    onProgress: OnProviderEvent,
    signal: AbortSignal,
  ): Promise<string[]>
  /** Tool versions for diagnostics, e.g. "kind v0.33.0 go1.24.6 linux/amd64". */
  versions?(): Promise<string[]>
}
