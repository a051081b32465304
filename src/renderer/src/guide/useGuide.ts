import { useEffect, useState } from 'react'
import { readStored, writeStored } from '../components/stored'
import { useResourceWatch } from '../resources/useResourceWatch'
import { advance, isGuideMemory, type GuideMemory } from './steps'

const FRESH: GuideMemory = { step: 0, skipped: false }
const keyOf = (context: string): string => `skiff.guide.${context}`

export interface GuideState {
  memory: GuideMemory
  skip(): void
  resume(): void
  restart(): void
}

/** The guide's progress for one sandbox context: persisted, and advanced whenever the live rows change. */
export function useGuide(context: string): GuideState {
  const [memory, setMemory] = useState<GuideMemory>(() => readStored(keyOf(context), FRESH, isGuideMemory))
  const scope = { context, namespaces: ['default'] }
  const deployments = useResourceWatch('deployments', scope)
  const pods = useResourceWatch('pods', scope)
  const loaded = deployments.loaded && pods.loaded

  useEffect(() => {
    setMemory(readStored(keyOf(context), FRESH, isGuideMemory))
  }, [context])
  useEffect(() => {
    if (!loaded) return
    setMemory((m) => {
      const next = advance({ deployments: deployments.rows, pods: pods.rows }, m)
      return JSON.stringify(next) === JSON.stringify(m) ? m : next
    })
  }, [loaded, deployments.rows, pods.rows])
  useEffect(() => writeStored(keyOf(context), memory), [context, memory])

  return {
    memory,
    skip: () => setMemory((m) => ({ ...m, skipped: true })),
    resume: () => setMemory((m) => ({ ...m, skipped: false })),
    restart: () => setMemory(FRESH),
  }
}
