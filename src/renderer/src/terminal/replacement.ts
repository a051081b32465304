import type { PodRow } from '@shared/rows'

/**
 * The pod a terminal reconnects to: the same name if it is back (a StatefulSet's pod, a re-created pod), else a
 * running pod with the same owner (a Deployment's replacement), else the same name again (and its error).
 */
export function replacementPod(
  pods: readonly PodRow[],
  gone: { namespace: string; name: string; owner?: PodRow['owner'] },
): string {
  const inNs = pods.filter((p) => p.namespace === gone.namespace)
  if (inNs.some((p) => p.name === gone.name)) return gone.name
  const owner = gone.owner
  const sibling = owner
    ? inNs.find((p) => p.owner?.kind === owner.kind && p.owner.name === owner.name && p.phase === 'Running')
    : undefined
  return sibling?.name ?? gone.name
}
