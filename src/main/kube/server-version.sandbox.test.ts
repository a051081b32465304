import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '@sandbox'
import { serverVersion } from './server-version'
import { kubeConfigFor } from '../../../test/support/kube'

let sb: RunningSandbox
beforeAll(async () => {
  sb = await startSandbox({ name: 'server-version' })
})
afterAll(() => sb.stop())

it('reads the API server’s version through the context’s credentials', async () => {
  const version = await serverVersion(async () => kubeConfigFor(sb), AbortSignal.timeout(10_000))
  expect(version).toMatch(/^v\d+\.\d+\.\d+/)
})
