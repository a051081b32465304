import { ApiException } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/contract'
import { ClusterError } from '../clusters/errors'
import { KubeHttpError } from '../kube/kube-request'
import { KubeconfigError } from '../kubeconfig/errors'
import { toApiError } from './policy'

const status = (code: number, message: string): string =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, code })

describe('the error policy', () => {
  it('keeps the server message of a Status body, from any client', () => {
    expect(toApiError(new KubeHttpError(404, status(404, 'pods "x" not found')))).toEqual(
      new ApiError('NotFound', 'pods "x" not found'),
    )
    const forbidden = new ApiException(403, 'Forbidden', status(403, 'pods is forbidden: User "dev"'), {})
    expect(toApiError(forbidden)).toEqual(new ApiError('Forbidden', 'pods is forbidden: User "dev"'))
    expect(toApiError(new KubeHttpError(409, status(409, 'namespaces "a" already exists'))).code).toBe(
      'Conflict',
    )
    expect(toApiError(new KubeHttpError(422, status(422, 'is invalid'))).code).toBe('BadInput')
    expect(toApiError(new KubeHttpError(401, status(401, 'Unauthorized'))).code).toBe('Unauthorized')
    expect(toApiError(new KubeHttpError(503, 'upstream down')).toBody()).toEqual({
      code: 'Unavailable',
      message: 'upstream down',
    })
  })

  it('a watch error without a body still says what happened', () => {
    const err = Object.assign(new Error('Gateway Timeout'), { statusCode: 504 })
    expect(toApiError(err)).toEqual(new ApiError('Timeout', 'The API server answered 504 (Gateway Timeout).'))
  })

  it('an unreachable server is Unavailable with a sentence, not a stack', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' })
    const e = toApiError(refused, { server: 'https://127.0.0.1:6443' })
    expect(e.code).toBe('Unavailable')
    expect(e.message).toBe(
      'Cannot reach the Kubernetes API server at https://127.0.0.1:6443 (ECONNREFUSED). Check that the cluster is running.',
    )
    const nested = Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } })
    expect(toApiError(nested).code).toBe('Unavailable')
    const tls = Object.assign(new Error('self-signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })
    expect(toApiError(tls, { server: 'https://x' }).message).toContain('certificate that cannot be trusted')
  })

  it('passes ApiErrors through and never leaks a stack', () => {
    const own = new ApiError('BadInput', 'nope')
    expect(toApiError(own)).toBe(own)
    const odd = toApiError(new TypeError('x is undefined'))
    expect(odd.code).toBe('Internal')
    expect(odd.message).not.toMatch(/\n\s+at /)
  })

  it('says what was being done when the caller knows it', () => {
    const forbidden = new ApiException(
      403,
      'Forbidden',
      status(403, 'deployments.apps "web" is forbidden'),
      {},
    )
    expect(toApiError(forbidden, { doing: 'scale deployment "web"' })).toEqual(
      new ApiError('Forbidden', 'Could not scale deployment "web": deployments.apps "web" is forbidden'),
    )
    const bare = new ApiException(500, 'Internal', '', {})
    expect(toApiError(bare, { doing: 'read pod "p"' }).toBody()).toEqual({
      code: 'Unavailable',
      message: 'Could not read pod "p": the API server answered 500',
    })
    const refused = Object.assign(new Error('fetch failed'), { code: 'ECONNREFUSED' })
    expect(toApiError(refused, { doing: 'undo deployment "web"' }).message).toBe(
      'Could not undo deployment "web": cannot reach the Kubernetes API server (ECONNREFUSED). Check that the cluster is running.',
    )
  })

  it('keeps the sentence of kubeconfig and cluster-tool failures and maps their codes from one table', () => {
    expect(toApiError(new KubeconfigError('Locked', 'kubectl holds the lock')).toBody()).toEqual({
      code: 'Conflict',
      message: 'kubectl holds the lock',
    })
    expect(toApiError(new KubeconfigError('Broken', 'line 3 is not YAML')).code).toBe('Unavailable')
    expect(toApiError(new KubeconfigError('Invalid', 'bad name')).code).toBe('BadInput')
    const busy = new ClusterError('A delete is already running', { advice: 'Wait for it.' })
    expect(toApiError(busy)).toEqual(new ApiError('BadInput', 'A delete is already running Wait for it.'))
    expect(toApiError(new ClusterError('There is no job "j"', { missing: true })).code).toBe('NotFound')
  })

  it('an unexpected failure outside a cluster call is one clipped line', () => {
    const e = toApiError(new Error('x'.repeat(500)))
    expect(e.code).toBe('Internal')
    expect(e.message).toMatch(/^Something went wrong: x+\.\.\.$/)
    expect(e.message.length).toBeLessThan(160)
  })
})
