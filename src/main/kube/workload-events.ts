import type { EventRow } from '@shared/rows'
import { collectionPath, objectPath } from './kinds'
import type { KubeGet } from './kube-request'
import { eventRow } from './rows/event-row'
import type { WireEvent, WireObject } from './rows/wire'

interface InvolvedMatcher {
  (kind: string, name: string): boolean
}

/**
 * Which objects a Deployment's Events tab covers: the Deployment, the ReplicaSets it controls (by owner uid),
 * and their pods (named `<replicaset>-<suffix>`), so an ImagePullBackOff shows where the person is looking.
 */
async function deploymentFamily(get: KubeGet, namespace: string, name: string): Promise<InvolvedMatcher> {
  const deployment = (await get(objectPath('deployments', namespace, name))) as WireObject
  const uid = deployment.metadata?.uid
  const sets = (await get(collectionPath('replicasets', namespace))) as { items?: WireObject[] }
  const owned = new Set(
    (sets.items ?? [])
      .filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid))
      .map((rs) => rs.metadata?.name ?? ''),
  )
  return (kind, involved) => {
    if (kind === 'Deployment') return involved === name
    if (kind === 'ReplicaSet') return owned.has(involved)
    if (kind !== 'Pod') return false
    const cut = involved.lastIndexOf('-')
    return cut > 0 && owned.has(involved.slice(0, cut))
  }
}

/** Events about a Deployment and everything it runs, newest first. */
export async function deploymentEvents(get: KubeGet, namespace: string, name: string): Promise<EventRow[]> {
  const [matches, list] = await Promise.all([
    deploymentFamily(get, namespace, name),
    get(collectionPath('events', namespace)) as Promise<{ items?: WireEvent[] }>,
  ])
  return (list.items ?? [])
    .filter((e) => matches(e.involvedObject?.kind ?? '', e.involvedObject?.name ?? ''))
    .map(eventRow)
    .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0))
}
