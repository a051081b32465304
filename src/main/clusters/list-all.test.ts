import { describe, expect, it } from 'vitest'
import { ClusterError, listAll } from './index'
import type { ClusterProvider } from './types'

function provider(id: ClusterProvider['id'], list: ClusterProvider['list']): ClusterProvider {
  return {
    id,
    list,
    detect: async () => ({ provider: id, ready: true, checks: [] }),
    create: async () => {
      throw new Error('unused')
    },
    delete: async () => {},
  }
}

describe('listAll', () => {
  it('keeps the clusters of providers that answer when another fails', async () => {
    const result = await listAll([
      provider('kind', async () => {
        throw new ClusterError('failed to list clusters: Docker is down', { exitCode: 1 })
      }),
      provider('sandbox', async () => [
        { name: 'dev', provider: 'sandbox', state: 'running', contextName: 'sandbox-dev' },
      ]),
    ])
    expect(result).toEqual({
      clusters: [{ name: 'dev', provider: 'sandbox', state: 'running', contextName: 'sandbox-dev' }],
      errors: [{ provider: 'kind', message: 'failed to list clusters: Docker is down', exitCode: 1 }],
    })
  })
})
