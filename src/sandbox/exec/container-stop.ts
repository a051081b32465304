import type { ObjectApi } from '../api/objects'
import type { Pod } from '../types'
import { exitStatus, type ExecConnection } from './channels'
import type { ContainerView } from './container-fs'

/**
 * Ends an exec or attach when its container stops: the pod deleted (or replaced under the same name) or the
 * container no longer running. On a node the runtime kills the exec'd process with the container, so the
 * stream ends with exit code 137 (SIGKILL); a terminal shows the session ended and can reconnect elsewhere.
 */
export function endWhenContainerStops(
  api: ObjectApi,
  view: ContainerView,
  conn: ExecConnection,
  command: string[],
): void {
  const { uid, name, namespace } = view.pod.metadata
  const stop = api.store.subscribe((ev) => {
    if (ev.resource.kind !== 'Pod') return
    const pod = ev.entry.obj as Pod
    if (pod.metadata.name !== name || pod.metadata.namespace !== namespace) return
    const running = pod.status.containerStatuses?.find((s) => s.name === view.container.name)?.state.running
    if (ev.type !== 'DELETED' && pod.metadata.uid === uid && running) return
    stop()
    conn.finish(exitStatus(137, command))
  })
  conn.onClose(stop)
}
