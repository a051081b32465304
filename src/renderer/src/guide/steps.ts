import type { DeploymentRow, PodRow } from '@shared/rows'

// The guided first run as data: each step is checked against the cluster's live rows (never a click counter),
// and what a step needs to remember (the deployment, its image, the pods before the break) is kept with the
// progress so the guide resumes after a restart.

export interface GuideMemory {
  step: number
  skipped: boolean
  deployment?: string
  image?: string
  changedImage?: string
  podsBefore?: string[]
}

export interface ClusterFacts {
  deployments: readonly DeploymentRow[]
  pods: readonly PodRow[]
}

export interface GuideStep {
  id: string
  title: string
  how: string
  /** The section where it happens (a hash link). */
  where: { label: string; hash: string }
  /** A command that does it from a terminal, for steps the UI alone cannot do yet. */
  command?: string
  /** The memory after this check, with `done` when the cluster shows the step happened. */
  check(facts: ClusterFacts, memory: GuideMemory): { done: boolean; memory: GuideMemory }
}

const GUIDE_NS = 'default'
const inNs = (f: ClusterFacts): DeploymentRow[] => f.deployments.filter((d) => d.namespace === GUIDE_NS)
const mine = (f: ClusterFacts, m: GuideMemory): DeploymentRow | undefined =>
  inNs(f).find((d) => d.name === m.deployment)
const podsOf = (f: ClusterFacts, name: string): PodRow[] =>
  f.pods.filter(
    (p) =>
      p.namespace === GUIDE_NS &&
      p.owner?.kind === 'ReplicaSet' &&
      p.owner.name.startsWith(`${name}-`) &&
      p.status !== 'Terminating',
  )
const allReady = (d: DeploymentRow): boolean => d.replicas > 0 && d.ready === `${d.replicas}/${d.replicas}`

export const GUIDE_STEPS: GuideStep[] = [
  {
    id: 'create',
    title: 'Create a deployment',
    how: 'Declare what you want: a Deployment of nginx in the default namespace.',
    where: { label: 'Open Workloads', hash: 'workloads' },
    command: 'kubectl create deployment hello --image=nginx:1.27',
    check(f, m) {
      const d = inNs(f)[0]
      return d
        ? { done: true, memory: { ...m, deployment: d.name, image: d.images } }
        : { done: false, memory: m }
    },
  },
  {
    id: 'scale',
    title: 'Scale it to 3 replicas or more',
    how: 'Change the desired count in its Reconcile tab and watch new dots appear until observed meets desired.',
    where: { label: 'Open Workloads → Deployments', hash: 'workloads' },
    check(f, m) {
      const d = mine(f, m)
      const done = d !== undefined && d.replicas >= 3 && allReady(d)
      return { done, memory: done ? { ...m, podsBefore: podsOf(f, d.name).map((p) => p.name) } : m }
    },
  },
  {
    id: 'break',
    title: 'Break a pod',
    how: 'In the Reconcile tab, pick a dot and press Kill pod in Break it (simulated).',
    where: { label: 'Open Workloads → Deployments', hash: 'workloads' },
    check(f, m) {
      const now = new Set(podsOf(f, m.deployment ?? '').map((p) => p.name))
      return { done: (m.podsBefore ?? []).some((p) => !now.has(p)), memory: m }
    },
  },
  {
    id: 'heal',
    title: 'Watch it heal',
    how: 'The ReplicaSet controller sees one pod fewer than desired and creates a replacement. Wait for it.',
    where: { label: 'Open Workloads → Deployments', hash: 'workloads' },
    check(f, m) {
      const d = mine(f, m)
      const pods = podsOf(f, m.deployment ?? '')
      const fresh = pods.some((p) => !(m.podsBefore ?? []).includes(p.name))
      return { done: d !== undefined && allReady(d) && pods.length === d.replicas && fresh, memory: m }
    },
  },
  {
    id: 'image',
    title: 'Change the image',
    how: 'Set a new image in Scale & rollout: a new ReplicaSet scales up while the old one scales down.',
    where: { label: 'Open Workloads → Deployments', hash: 'workloads' },
    check(f, m) {
      const d = mine(f, m)
      const done = d !== undefined && d.images !== m.image && allReady(d)
      return { done, memory: done ? { ...m, changedImage: d.images } : m }
    },
  },
  {
    id: 'rollback',
    title: 'Roll back',
    how: 'Roll back to the first revision from the Revisions list, and watch the old ReplicaSet come back.',
    where: { label: 'Open Workloads → Deployments', hash: 'workloads' },
    check(f, m) {
      const d = mine(f, m)
      return { done: d !== undefined && d.images === m.image && allReady(d), memory: m }
    },
  },
]

/** Runs the checks from the current step on, advancing past every step the cluster shows done. */
export function advance(facts: ClusterFacts, memory: GuideMemory): GuideMemory {
  let m = memory
  while (m.step < GUIDE_STEPS.length) {
    const step = GUIDE_STEPS[m.step]
    if (!step) break
    const r = step.check(facts, m)
    if (!r.done) return r.memory
    m = { ...r.memory, step: m.step + 1 }
  }
  return m
}

export const isGuideMemory = (v: unknown): v is GuideMemory =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as GuideMemory).step === 'number' &&
  typeof (v as GuideMemory).skipped === 'boolean'
