import { z } from 'zod'
import { method, stream } from './define'

export interface ToolStatus {
  /** Command name, e.g. `kubectl`. */
  name: ToolName
  found: boolean
  path?: string
  version?: string
  /** Why the version is unknown though the binary exists (timeout, odd output). */
  problem?: string
}

export const toolNames = ['kubectl', 'kind', 'minikube', 'docker', 'podman'] as const
export type ToolName = (typeof toolNames)[number]

export interface SystemInfo {
  app: { name: string; version: string }
  runtime: { node: string; electron?: string; chrome?: string; platform: string; arch: string }
  transport: 'electron' | 'web' | 'cli'
  tools: ToolStatus[]
}

export const systemMethods = {
  'system.info': method<SystemInfo>()(z.strictObject({})),
}

export const systemStreams = {
  /** The tool list now, then again whenever a tool appears, disappears or changes version. */
  'system.tools': stream<ToolStatus[]>()(
    z.strictObject({ intervalMs: z.number().int().min(1000).max(600_000).optional() }),
  ),
}
