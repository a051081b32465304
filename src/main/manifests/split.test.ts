import { describe, expect, it } from 'vitest'
import { fieldsInMessage, lineOfField, parseFieldPath } from './locate'
import { splitDocuments } from './split'

const text = [
  '# a comment before the first document',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: one',
  '---',
  '---',
  '# only a comment',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: sidecar',
  '          image: busybox',
  '        - name: web',
  '          image: nginx',
  '---',
  'just: [broken',
  '---',
  '- a list',
  '',
].join('\n')

describe('splitDocuments', () => {
  const { documents, lines } = splitDocuments(text)

  it('skips empty documents and keeps each one’s first line in the whole text', () => {
    expect(documents.map((d) => d.startLine)).toEqual([2, 10, 24, 26])
    expect(documents.map((d) => d.index)).toEqual([0, 1, 2, 3])
    expect(documents[1]?.object?.kind).toBe('Deployment')
  })

  it('pins a parse error and a non-object document to their lines', () => {
    expect(documents[2]?.error?.line).toBe(24)
    expect(documents[3]?.error).toEqual({
      message: expect.stringContaining('not a Kubernetes object'),
      line: 26,
    })
  })

  it('maps server field paths to lines: keys, indexes, merge keys, and the nearest written parent', () => {
    const deploy = documents[1]
    if (!deploy) throw new Error('no deployment')
    expect(lineOfField(deploy.doc, lines, '.spec.replicas', 0)).toBe(15)
    expect(lineOfField(deploy.doc, lines, 'spec.template.spec.containers[1].image', 0)).toBe(22)
    expect(lineOfField(deploy.doc, lines, '.spec.template.spec.containers[name="web"].image', 0)).toBe(22)
    expect(lineOfField(deploy.doc, lines, 'spec.strategy.type', 0)).toBe(14)
    expect(lineOfField(deploy.doc, lines, 'nothing.here', 10)).toBe(10)
  })
})

describe('field paths in server messages', () => {
  it('reads quoted unknown fields and leading invalid-value paths', () => {
    expect(fieldsInMessage('.spec.foo: field not declared in schema, unknown field "spec.foo"')).toContain(
      'spec.foo',
    )
    expect(
      fieldsInMessage('Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be >= 0'),
    ).toEqual(['spec.replicas'])
    expect(
      fieldsInMessage(
        'failed to create typed patch object (default/x): .metadata.colour: field not declared',
      ),
    ).toEqual(['metadata.colour'])
  })

  it('parses the path forms server-side apply writes', () => {
    expect(parseFieldPath('.spec.containers[name="web",port=80].image')).toEqual([
      { key: 'spec' },
      { key: 'containers' },
      { match: { name: 'web', port: '80' } },
      { key: 'image' },
    ])
  })
})
