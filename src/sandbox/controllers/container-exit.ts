import type { ObjectApi } from '../api/objects'
import { rfc3339 } from '../api/names'
import { resourceByKind } from '../api/resources'
import type { Pod } from '../types'

// The container's main process ended (a user typed `exit` in the shell `kubectl run -it` attached to): record it
// as the runtime would; the kubelet then restarts it or completes the pod, as restartPolicy says.
export function recordContainerExit(
  api: ObjectApi,
  ns: string,
  podName: string,
  container: string,
  code: number,
): void {
  const podDef = resourceByKind('Pod')
  const entry = api.store.get(podDef, ns, podName)
  if (!entry) return
  const pod = structuredClone(entry.obj) as Pod
  const st = pod.status.containerStatuses?.find((s) => s.name === container)
  if (!st?.state.running) return
  st.state = {
    terminated: {
      exitCode: code,
      reason: code === 0 ? 'Completed' : 'Error',
      startedAt: st.state.running.startedAt,
      finishedAt: rfc3339(api.clock.now()),
      ...(st.containerID ? { containerID: st.containerID } : {}),
    },
  }
  st.ready = false
  st.started = false
  api.update(podDef, ns, podName, pod, { internal: true })
}
