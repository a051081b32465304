import { describe, expect, it } from 'vitest'
import type { ResourceDef } from '../api/resources'
import { RESOURCES } from '../api/resources'
import { setCustomSchema } from './custom-schemas'
import { v3Document, v3Index } from './v3'

// A registered custom resource schema appears in /openapi/v3 under kube-apiserver's name for it, with
// every patch type but strategic merge, and leaves when unregistered.
const crontabs: ResourceDef = {
  plural: 'crontabs',
  singular: 'crontab',
  kind: 'CronTab',
  group: 'stable.example.com',
  version: 'v1',
  namespaced: true,
  shortNames: ['ct'],
  categories: [],
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [],
  fieldLabels: [],
}

describe('custom resource schemas in /openapi/v3', () => {
  it('are published while registered', () => {
    RESOURCES.push(crontabs)
    try {
      setCustomSchema('stable.example.com', 'v1', 'CronTab', {
        type: 'object',
        properties: {
          spec: { type: 'object', properties: { cronSpec: { type: 'string', description: 'when' } } },
        },
      })
      expect(Object.keys((v3Index() as { paths: object }).paths)).toContain('apis/stable.example.com/v1')
      const doc = JSON.parse(v3Document('apis/stable.example.com/v1')?.text ?? '{}') as {
        paths: Record<string, { patch?: { requestBody: { content: object } } }>
        components: { schemas: Record<string, unknown> }
      }
      expect(doc.components.schemas['com.example.stable.v1.CronTab']).toMatchObject({
        'x-kubernetes-group-version-kind': [{ group: 'stable.example.com', version: 'v1', kind: 'CronTab' }],
        properties: { spec: { properties: { cronSpec: { type: 'string' } } } },
      })
      const patch = doc.paths['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}']?.patch
      expect(Object.keys(patch?.requestBody.content ?? {})).toEqual([
        'application/apply-patch+yaml',
        'application/json-patch+json',
        'application/merge-patch+json',
      ])
      setCustomSchema('stable.example.com', 'v1', 'CronTab', undefined)
    } finally {
      RESOURCES.splice(RESOURCES.indexOf(crontabs), 1)
    }
    expect(v3Document('apis/stable.example.com/v1')).toBeUndefined()
  })
})
