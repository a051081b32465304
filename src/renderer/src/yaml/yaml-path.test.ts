import { describe, expect, it } from 'vitest'
import { cursorPlace, documentKind } from './yaml-path'

/** The text with `|` marking the cursor. */
function at(marked: string): ReturnType<typeof cursorPlace> {
  const pos = marked.indexOf('|')
  return cursorPlace(marked.replace('|', ''), pos)
}

const deploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          ima|
`

describe('cursorPlace', () => {
  it('finds the path inside a list item while the key is half typed', () => {
    expect(at(deploy)).toMatchObject({
      path: ['spec', 'template', 'spec', 'containers', '[]'],
      prefix: 'ima',
      inValue: false,
    })
  })

  it('on a new list item line, and on a blank line inside a mapping', () => {
    expect(at('spec:\n  containers:\n    - na|').path).toEqual(['spec', 'containers', '[]'])
    expect(at('metadata:\n  name: x\n  |').path).toEqual(['metadata'])
    expect(at('|').path).toEqual([])
  })

  it('nested lists under a list item key', () => {
    const text = 'spec:\n  containers:\n    - name: a\n      ports:\n        - contain|'
    expect(at(text).path).toEqual(['spec', 'containers', '[]', 'ports', '[]'])
  })

  it('knows a value from a key, and stays in its own document', () => {
    const text = 'kind: A\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: |'
    const place = at(text)
    expect(place).toMatchObject({ path: ['spec'], inValue: true, lineKey: 'replicas' })
    expect(documentKind(place.docText)).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment' })
  })
})
