import { describe, expect, it } from 'vitest'
import { parseKubeconfig, type ParsedConfig } from '../../src/main/kubeconfig/load-file'
import { planImport } from '../../src/main/kubeconfig/plan'

// An imported kubeconfig is hostile input too: entry names like "constructor" or "__proto__" must be
// looked up as data in the renames maps, never through Object.prototype.
const source = `apiVersion: v1
kind: Config
clusters:
- name: constructor
  cluster: { server: https://127.0.0.1:6443 }
users:
- name: toString
  user: { token: t }
contexts:
- name: hasOwnProperty
  context: { cluster: constructor, user: toString }
current-context: hasOwnProperty
`

function parsed(): ParsedConfig {
  const file = parseKubeconfig('/tmp/source', source)
  if (file.status !== 'ok') throw new Error('fixture does not parse')
  return file.config
}

describe('import renames with prototype-named entries', () => {
  it('keeps names like constructor/toString as they are when no rename is given for them', () => {
    const [step] = planImport([], parsed(), '/tmp/target', false, { contexts: {}, clusters: {}, users: {} })
    const entries = (step?.ops ?? []).map((op) => (op.op === 'putEntry' ? op.entry : undefined))
    expect(entries.map((e) => e?.name)).toEqual(['constructor', 'toString', 'hasOwnProperty'])
    expect(entries[2]?.context).toEqual({ cluster: 'constructor', user: 'toString' })
  })

  it('still applies real renames to them', () => {
    const [step] = planImport([], parsed(), '/tmp/target', false, {
      clusters: { constructor: 'lab' },
      users: { toString: 'lab-user' },
      contexts: { hasOwnProperty: 'lab-ctx' },
    })
    const entries = (step?.ops ?? []).map((op) => (op.op === 'putEntry' ? op.entry : undefined))
    expect(entries.map((e) => e?.name)).toEqual(['lab', 'lab-user', 'lab-ctx'])
    expect(entries[2]?.context).toEqual({ cluster: 'lab', user: 'lab-user' })
  })
})
