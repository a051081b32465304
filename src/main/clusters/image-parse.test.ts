import { describe, expect, it } from 'vitest'
import { parseAddonsList } from './addons-parse'
import { parseCrictlImages, parseDockerImages, parseMinikubeImages, parsePodmanImages } from './image-parse'

describe('docker images --format json', () => {
  it('reads one object per line and skips dangling images and noise', () => {
    const out = [
      '{"Containers":"N/A","CreatedAt":"2026-11-30 09:12:44 +0000 UTC","CreatedSince":"6 hours ago","Digest":"<none>","ID":"c9369572d3aa","Repository":"skiff-demo/app","SharedSize":"N/A","Size":"187MB","Tag":"dev","UniqueSize":"N/A","VirtualSize":"187MB"}',
      '{"Containers":"N/A","CreatedAt":"2026-11-29 10:00:00 +0000 UTC","CreatedSince":"29 hours ago","Digest":"<none>","ID":"0123456789ab","Repository":"<none>","SharedSize":"N/A","Size":"5MB","Tag":"<none>","UniqueSize":"N/A","VirtualSize":"5MB"}',
      'WARNING: something the daemon said',
      '',
    ].join('\n')
    expect(parseDockerImages(out)).toEqual([
      { ref: 'skiff-demo/app:dev', id: 'c9369572d3aa', size: '187MB', created: '6 hours ago' },
    ])
  })
})

describe('podman images --format json', () => {
  it('reads the array and lists every name of an image', () => {
    const out = JSON.stringify([
      {
        Id: 'a8758716bb6aa4d90071160d27028fe4eaee7ce8166221a97d30440c8eac2be6',
        ParentId: '',
        RepoTags: null,
        Names: ['localhost/app:dev', 'docker.io/me/app:dev'],
        Size: 187654321,
        Created: 1764494000,
        CreatedAt: '2025-11-30T09:13:20Z',
      },
      { Id: 'b1', Names: null, Size: 10 },
    ])
    expect(parsePodmanImages(out)).toEqual([
      { ref: 'localhost/app:dev', id: 'a8758716bb6a', size: '188MB' },
      { ref: 'docker.io/me/app:dev', id: 'a8758716bb6a', size: '188MB' },
    ])
    expect(parsePodmanImages('not json')).toEqual([])
  })
})

describe('cluster image lists', () => {
  it('minikube image ls --format json: repoTags of each merged image', () => {
    const out =
      '[{"id":"eedd2d4f","repoDigests":[],"repoTags":["registry.k8s.io/kube-apiserver:v1.33.1"],"size":"72200000"},{"id":"ba5e","repoDigests":[],"repoTags":["docker.io/skiff-demo/app:dev","docker.io/skiff-demo/app:latest"],"size":"1"}]\n'
    expect(parseMinikubeImages(out)).toEqual([
      'registry.k8s.io/kube-apiserver:v1.33.1',
      'docker.io/skiff-demo/app:dev',
      'docker.io/skiff-demo/app:latest',
    ])
    expect(parseMinikubeImages('❌  Exiting due to GUEST_IMAGE_LIST')).toEqual([])
  })

  it('crictl images -o json inside a kind node', () => {
    const out = JSON.stringify({
      images: [
        {
          id: 'sha256:1',
          repoTags: ['docker.io/kindest/kindnetd:v20250512-df8de77b'],
          repoDigests: [],
          size: '1',
        },
        { id: 'sha256:2', repoTags: [], repoDigests: ['x@sha256:2'], size: '1' },
      ],
    })
    expect(parseCrictlImages(out)).toEqual(['docker.io/kindest/kindnetd:v20250512-df8de77b'])
  })
})

describe('minikube addons list -o json', () => {
  it('reads enabled and disabled per addon, sorted', () => {
    const out =
      '{"registry":{"Profile":"dev","Status":"disabled"},"dashboard":{"Profile":"dev","Status":"disabled"},"ingress":{"Profile":"dev","Status":"enabled"}}\n'
    expect(parseAddonsList(out)).toEqual([
      { name: 'dashboard', status: 'disabled' },
      { name: 'ingress', status: 'enabled' },
      { name: 'registry', status: 'disabled' },
    ])
  })

  it('without a profile minikube prints {} per addon: unknown; garbage is refused', () => {
    expect(parseAddonsList('{"ingress":{}}')).toEqual([{ name: 'ingress', status: 'unknown' }])
    expect(parseAddonsList('[]')).toBeUndefined()
    expect(parseAddonsList('\u0000garbage')).toBeUndefined()
  })
})
