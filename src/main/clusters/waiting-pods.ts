import { CoreV1Api, type KubeConfig, type V1Pod } from '@kubernetes/client-node'
import type { WaitingPod } from '@shared/contract/dev-loop'

const PULL_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull'])

/** docker's short names ("app:dev") and containerd's ("docker.io/library/app:dev") compare equal. */
export function sameImage(a: string, b: string): boolean {
  const norm = (ref: string): string => {
    const tagged = /:[^/]+$/.test(ref) || ref.includes('@') ? ref : `${ref}:latest`
    const first = tagged.split('/')[0] ?? ''
    if (tagged.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost'))
      return tagged
    return tagged.includes('/') ? `docker.io/${tagged}` : `docker.io/library/${tagged}`
  }
  return norm(a) === norm(b)
}

/** Containers stuck pulling their image, marked when this machine's engine has that image. */
export function waitingPods(pods: V1Pod[], hostImages: string[]): WaitingPod[] {
  return pods.flatMap((pod) =>
    (pod.status?.containerStatuses ?? []).flatMap((s): WaitingPod[] => {
      const reason = s.state?.waiting?.reason
      if (!reason || !PULL_REASONS.has(reason)) return []
      const image = pod.spec?.containers.find((c) => c.name === s.name)?.image ?? s.image
      return [
        {
          namespace: pod.metadata?.namespace ?? 'default',
          pod: pod.metadata?.name ?? '',
          container: s.name,
          image,
          reason,
          onHost: hostImages.some((h) => sameImage(h, image)),
        },
      ]
    }),
  )
}

export async function readWaitingPods(kc: KubeConfig, hostImages: string[]): Promise<WaitingPod[]> {
  const pods = await kc.makeApiClient(CoreV1Api).listPodForAllNamespaces()
  return waitingPods(pods.items, hostImages)
}
