import type { ContainerSpec, Pod } from '../types'

// completionMode Indexed: each pod carries a completion index (0..completions-1) in an annotation and a
// label, its hostname and JOB_COMPLETION_INDEX; the Job is done when every index has succeeded once, and
// status.completedIndexes lists them compressed ("0-2,5").
export const INDEX_KEY = 'batch.kubernetes.io/job-completion-index'

export function podIndex(pod: Pod): number | undefined {
  const v = pod.metadata.annotations?.[INDEX_KEY]
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined
}

export function parseIndexes(text: unknown): Set<number> {
  const out = new Set<number>()
  if (typeof text !== 'string') return out
  for (const part of text.split(',')) {
    const [a, b] = part.split('-').map(Number)
    if (a === undefined || Number.isNaN(a)) continue
    for (let i = a; i <= (b ?? a); i++) out.add(i)
  }
  return out
}

export function formatIndexes(indexes: Set<number>): string {
  const sorted = [...indexes].sort((x, y) => x - y)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`)
    i = j + 1
  }
  return parts.join(',')
}

/** The lowest indexes that neither succeeded nor run, at most `count` of them. */
export function missingIndexes(
  completions: number,
  done: Set<number>,
  running: Set<number>,
  count: number,
): number[] {
  const out: number[] = []
  for (let i = 0; i < completions && out.length < count; i++) if (!done.has(i) && !running.has(i)) out.push(i)
  return out
}

/** What the job controller adds to an Indexed Job's pod template for index `i`. */
export function indexPodTemplate(
  jobName: string,
  i: number,
  meta: { labels: Record<string, string>; annotations: Record<string, string> },
  spec: { containers?: ContainerSpec[]; [key: string]: unknown },
): string {
  meta.labels[INDEX_KEY] = String(i)
  meta.annotations[INDEX_KEY] = String(i)
  spec.hostname = `${jobName}-${i}`
  for (const c of spec.containers ?? []) {
    const env = Array.isArray(c.env) ? c.env : []
    c.env = [
      ...env,
      {
        name: 'JOB_COMPLETION_INDEX',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.labels['${INDEX_KEY}']` } },
      },
    ]
  }
  return `${jobName}-${i}-`
}
