import type { ObjectApi } from '../api/objects'
import type { Pod } from '../types'
import { exitStatus, type ExecConnection } from './channels'
import type { ContainerView } from './container-fs'

/**
 * Ends an exec or attach when its container stops: the pod deleted (or replaced under the same name) or the
 * container no longer running. On a node the runtime kills the exec'd process with the container, so the
 * stream ends with exit code 137 (SIGKILL); a terminal shows the session ended and can reconnect elsewhere.
 * An attach is to the container's own process: when that process exits, the container stops because of it and
 * the attach ends with the process's own status, so for an attach only the pod going away counts here (ending
 * it with 137 first made `kubectl run -i --rm` fall back to printing logs).
 */
export function endWhenContainerStops(
  api: ObjectApi,
  view: ContainerView,
  conn: ExecConnection,
  command: string[],
  mode: 'exec' | 'attach',
): void {
  const { uid, name, namespace } = view.pod.metadata
  const stop = api.store.subscribe((ev) => {
    if (ev.resource.kind !== 'Pod') return
    const pod = ev.entry.obj as Pod
    if (pod.metadata.name !== name || pod.metadata.namespace !== namespace) return
    const gone = ev.type === 'DELETED' || pod.metadata.uid !== uid
    // Stopped means the status says so (terminated, or waiting to restart); a status without this container's
    // entry, as in a write that carries no container statuses, says nothing about it.
    const state = pod.status.containerStatuses?.find((s) => s.name === view.container.name)?.state
    const stopped = state !== undefined && !state.running
    if (!gone && (!stopped || mode === 'attach')) return
    stop()
    conn.finish(exitStatus(137, command))
  })
  conn.onClose(stop)
}
