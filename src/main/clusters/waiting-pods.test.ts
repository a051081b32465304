import type { V1Pod } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { sameImage, waitingPods } from './waiting-pods'

const pod = (name: string, image: string, waiting?: string): V1Pod => ({
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'main', image }] },
  status: {
    containerStatuses: [
      {
        name: 'main',
        image,
        imageID: '',
        ready: false,
        restartCount: 0,
        state: waiting ? { waiting: { reason: waiting } } : { running: {} },
      },
    ],
  },
})

describe('pods waiting for an image', () => {
  it('docker’s short names and containerd’s full names are the same image', () => {
    expect(sameImage('app:dev', 'docker.io/library/app:dev')).toBe(true)
    expect(sameImage('me/app', 'docker.io/me/app:latest')).toBe(true)
    expect(sameImage('localhost:5001/app:1', 'localhost:5001/app:1')).toBe(true)
    expect(sameImage('app:dev', 'app:prod')).toBe(false)
  })

  it('lists only pull failures, marking those this machine can fix with a load', () => {
    const pods = [
      pod('a', 'skiff-demo/app:dev', 'ImagePullBackOff'),
      pod('b', 'ghcr.io/acme/api:2', 'ErrImagePull'),
      pod('c', 'skiff-demo/app:dev', 'CrashLoopBackOff'),
      pod('d', 'nginx:1.27'),
    ]
    expect(waitingPods(pods, ['skiff-demo/app:dev', 'nginx:1.27'])).toEqual([
      {
        namespace: 'default',
        pod: 'a',
        container: 'main',
        image: 'skiff-demo/app:dev',
        reason: 'ImagePullBackOff',
        onHost: true,
      },
      {
        namespace: 'default',
        pod: 'b',
        container: 'main',
        image: 'ghcr.io/acme/api:2',
        reason: 'ErrImagePull',
        onHost: false,
      },
    ])
  })
})
