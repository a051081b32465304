import type { TimelineEntry } from '@shared/contract'
import type { WireEvent } from '../kube/rows/wire'

// A Kubernetes Event in plain words: who acted and what they did, with the event's reason kept beside it.

const ACTORS: Record<string, string> = {
  'deployment-controller': 'Deployment controller',
  'replicaset-controller': 'ReplicaSet controller',
  'statefulset-controller': 'StatefulSet controller',
  'daemonset-controller': 'DaemonSet controller',
  'job-controller': 'Job controller',
  'persistentvolume-controller': 'volume controller',
  'default-scheduler': 'scheduler',
  kubelet: 'kubelet',
  'node-controller': 'node controller',
  'taint-eviction-controller': 'taint eviction controller',
  'kernel-monitor': 'kernel',
}

export function actorOf(event: WireEvent): string {
  const component = event.source?.component || event.reportingComponent || ''
  return ACTORS[component] ?? (component || 'cluster')
}

type Words = Pick<TimelineEntry, 'text'> & { level?: TimelineEntry['level'] }

/** The part of containerd's long error a person needs: why the registry said no. */
function pullCause(error: string): string {
  if (/i\/o timeout|no such host|connection refused/.test(error)) return 'the registry cannot be reached'
  if (/not found/.test(error)) return 'no such image in the registry'
  if (/pull access denied|authorization failed|unauthorized/.test(error))
    return 'the registry refused it (no such repository, or it needs credentials)'
  return error
}

const quoted = (message: string): string | undefined => /"([^"]+)"/.exec(message)?.[1]

/** What the event says happened, in a sentence; `undefined` reason/message still gives a readable line. */
export function eventWords(event: WireEvent): Words {
  const reason = event.reason ?? ''
  const message = event.message ?? ''
  const subject = event.involvedObject?.name ?? 'object'
  const warning = event.type === 'Warning'
  let m: RegExpExecArray | null
  switch (reason) {
    case 'ScalingReplicaSet':
      m = /Scaled (up|down) replica set (\S+) from (\d+) to (\d+)/.exec(message)
      if (m) return { text: `scaled ${m[1]} ReplicaSet ${m[2]}: ${m[3]} → ${m[4]}` }
      break
    case 'SuccessfulCreate':
      // ReplicaSet, DaemonSet and Job controllers: "Created pod: x"; StatefulSet: "create Pod x in StatefulSet
      // y successful" and "create Claim c Pod x in StatefulSet y success".
      m = /Created pod: (\S+)/.exec(message) ?? /^create Pod (\S+) in StatefulSet/.exec(message)
      if (m) return { text: `created pod ${m[1]}` }
      m = /^create Claim (\S+) Pod (\S+) in StatefulSet/.exec(message)
      if (m) return { text: `created volume claim ${m[1]} for pod ${m[2]}` }
      break
    case 'SuccessfulDelete':
      m = /Deleted pod: (\S+)/.exec(message) ?? /^delete Pod (\S+) in StatefulSet/.exec(message)
      if (m) return { text: `deleted pod ${m[1]}` }
      break
    case 'FailedDaemonPod':
      m = /failed daemon pod \S+?\/(\S+) on node (\S+?),/.exec(message)
      if (m)
        return {
          text: `found ${m[1]} failed on node ${m[2]}: deletes it so a new one starts`,
          level: 'warning',
        }
      break
    case 'Completed':
      return { text: `${subject} is complete: every pod it needed succeeded` }
    case 'BackoffLimitExceeded':
      return {
        text: `gave up on ${subject}: its pods failed more times than the backoff limit allows`,
        level: 'warning',
      }
    case 'DeadlineExceeded':
      return { text: `stopped ${subject}: it ran longer than its activeDeadlineSeconds`, level: 'warning' }
    case 'Suspended':
      return { text: `suspended ${subject}: its running pods are deleted and none start` }
    case 'Resumed':
      return { text: `resumed ${subject}` }
    case 'Scheduled':
      m = /Successfully assigned \S+?\/(\S+) to (\S+)/.exec(message)
      if (m) return { text: `bound ${m[1]} to node ${m[2]}` }
      break
    case 'FailedScheduling':
      return { text: `could not place ${subject}: ${message}`, level: 'warning' }
    case 'Pulling':
      return { text: `is pulling ${quoted(message) ?? 'the image'} for ${subject}` }
    case 'Pulled':
      m = /^Successfully pulled image "([^"]+)" in (\S+?) /.exec(message)
      if (m) return { text: `pulled ${m[1]} for ${subject} in ${m[2]}` }
      return message.includes('already present')
        ? { text: `found ${quoted(message) ?? 'the image'} already on the node for ${subject}` }
        : { text: `pulled ${quoted(message) ?? 'the image'} for ${subject}` }
    case 'Created':
      return { text: `created container ${message.replace(/^Created container:?\s*/, '')} in ${subject}` }
    case 'Started':
      return { text: `started container ${message.replace(/^Started container:?\s*/, '')} in ${subject}` }
    case 'Killing':
      return { text: `stopped the containers of ${subject}: ${message}` }
    case 'BackOff':
      m = /^Back-off pulling image "([^"]+)"/.exec(message)
      if (m)
        return {
          text: `waits before pulling ${m[1]} again for ${subject} (image pull back-off)`,
          level: 'warning',
        }
      return { text: `waits before restarting ${subject}: ${message}`, level: 'warning' }
    case 'Failed':
      m = /^Failed to pull image "([^"]+)": (.*)$/s.exec(message)
      if (m)
        return { text: `could not pull ${m[1]} for ${subject}: ${pullCause(m[2] ?? '')}`, level: 'warning' }
      m = /^Error: (ErrImagePull|ImagePullBackOff)$/.exec(message)
      if (m) return { text: `${subject} is waiting: ${m[1]}`, level: 'warning' }
      break
    case 'NodeNotReady':
      return { text: `marked node ${subject} NotReady (its kubelet stopped reporting)`, level: 'warning' }
    case 'NodeReady':
      return { text: `marked node ${subject} Ready again` }
    case 'TaintManagerEviction':
      return { text: `evicted ${subject} from an unreachable node`, level: 'warning' }
    case 'OOMKilling':
      return { text: `ran out of memory and killed ${subject}`, level: 'warning' }
  }
  return { text: `${subject}: ${message || reason}`, level: warning ? 'warning' : 'normal' }
}
