import { arch, platform, release } from 'node:os'
import type { JobInfo } from './job-types'

/** The text behind "copy diagnostics": enough for a bug report, no secrets beyond the tool's own output. */
export function diagnosticsText(job: JobInfo, versions: string[], log: string): string {
  const lines = [
    'Skiff cluster job diagnostics',
    `Job: ${job.id} (${job.action} ${job.provider} cluster "${job.name}")`,
    `Status: ${job.status}`,
    `Started: ${new Date(job.startedAt).toISOString()}`,
    `Ended: ${job.endedAt === undefined ? '(still running)' : new Date(job.endedAt).toISOString()}`,
    `System: ${platform()} ${release()} ${arch()}, Node ${process.version}`,
    'Tool versions:',
    ...(versions.length ? versions.map((v) => `  ${v}`) : ['  (none)']),
    'Commands:',
    ...(job.commands.length ? job.commands.map((c) => `  $ ${c}`) : ['  (none)']),
  ]
  if (job.error) {
    lines.push(`Error: ${job.error.message}`)
    if (job.error.advice) lines.push(`Advice: ${job.error.advice}`)
    if (job.error.exitCode !== undefined) lines.push(`Exit code: ${job.error.exitCode}`)
  }
  if (job.progress)
    lines.push(`Last step: ${job.progress.current}/${job.progress.total} ${job.progress.title}`)
  lines.push('--- output ---', log, '--- end ---')
  return lines.join('\n')
}
