import type { ChildProcess } from 'node:child_process'
export function buildWebIfStale(): void
export function serve(args: string[], onUrl?: (url: string) => void): ChildProcess
