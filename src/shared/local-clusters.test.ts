import { describe, expect, it } from 'vitest'
import { recognizeLocalCluster } from './local-clusters'

describe('recognizeLocalCluster', () => {
  it.each([
    ['docker-desktop', 'docker-desktop'],
    ['rancher-desktop', 'rancher-desktop'],
    ['k3d-dev', 'k3d'],
    ['kind-kind', 'kind'],
    ['minikube', 'minikube'],
    ['orbstack', 'orbstack'],
    ['colima', 'colima'],
    ['colima-work', 'colima'],
  ])('recognises %s as %s', (name, distribution) => {
    expect(recognizeLocalCluster(name)?.distribution).toBe(distribution)
  })

  it.each([
    'prod',
    'kind-',
    'k3d',
    'minikube-old',
    'my-docker-desktop',
    'arn:aws:eks:eu-west-1:1:cluster/kind-x',
  ])('leaves %s alone', (name) => {
    expect(recognizeLocalCluster(name)).toBeUndefined()
  })
})
