import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { applyEdits } from './edit-ops'
import { FANCY_KUBECONFIG } from '../../../test/fixtures/kubeconfig'
import { validateName } from './validate'
import { renderScalar } from './yaml-splice'

// A fixed seed keeps runs repeatable (the other property tests do the same); FUZZ_SEED=<n> explores other inputs.
fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261201) })

const isValid = (value: string): boolean => {
  try {
    return validateName('context', value) === value
  } catch {
    return false
  }
}
const name = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter(isValid)

describe('renderScalar', () => {
  it('reads back as the same string in YAML 1.2 and in kubectl’s YAML 1.1', () => {
    fc.assert(
      fc.property(
        fc.oneof(name, fc.constantFrom('yes', 'no', 'on', 'off', 'y', '~', 'null', '0x1F', '1e3', '0777')),
        (value) => {
          const out = renderScalar(value)
          expect(parse(out)).toBe(value)
          expect(parse(out, { version: '1.1' })).toBe(value)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('any context name or namespace edit keeps every other line of the fixture', () => {
    fc.assert(
      fc.property(name, (value) => {
        const result = applyEdits(FANCY_KUBECONFIG, [{ op: 'setCurrentContext', name: value }])
        expect(result.preserved).toBe(true)
        expect(parse(result.text)['current-context']).toBe(value)
        const before = FANCY_KUBECONFIG.split('\n')
        const after = result.text.split('\n')
        expect(after.length).toBe(before.length)
        expect(after.filter((line, i) => line !== before[i])).toHaveLength(1)
      }),
      { numRuns: 100 },
    )
  })
})
