import type { ChildProcess } from 'node:child_process'
export const backendEntry: string
export const viteEnv: NodeJS.ProcessEnv
export function buildWebIfStale(): void
export function serve(args: string[], onUrl?: (url: string) => void): ChildProcess
