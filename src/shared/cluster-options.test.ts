import { describe, expect, it } from 'vitest'
import { kindNodeVersions } from './cluster-options'

describe('kindNodeVersions', () => {
  it('keeps kind node images only, newest first, a release before its pre-releases, each once', () => {
    expect(
      kindNodeVersions([
        'nginx:1.27',
        'kindest/node:v1.31.4',
        'docker.io/kindest/node:v1.33.1',
        'kindest/node:v1.37.0-rc.1',
        'kindest/node:v1.37.0',
        'kindest/node:v1.33.1@sha256:0123abcd',
        'kindest/base:v20250101',
        'kindest/node:latest',
        'example.com/kindest/node:v1.30.0',
      ]),
    ).toEqual(['v1.37.0', 'v1.37.0-rc.1', 'v1.33.1', 'v1.31.4'])
  })

  it('is empty when the machine has no node image', () => {
    expect(kindNodeVersions([])).toEqual([])
  })
})
