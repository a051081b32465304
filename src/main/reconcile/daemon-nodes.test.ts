import { describe, expect, it } from 'vitest'
import { notEligible } from './daemon-nodes'

const node = (
  labels: Record<string, string>,
  taints: { key: string; value?: string; effect: string }[] = [],
) => ({
  name: 'n1',
  labels,
  taints,
})

describe('which nodes a DaemonSet pod belongs on', () => {
  it('needs every nodeSelector label', () => {
    expect(notEligible(node({ disk: 'ssd' }), { disk: 'ssd' }, undefined)).toBeUndefined()
    expect(notEligible(node({}), { disk: 'ssd' }, undefined)).toEqual({
      why: 'its labels do not match the nodeSelector (disk=ssd)',
      mayStay: false,
    })
  })

  it('stays off untolerated taints; a NoSchedule one lets a pod already there run', () => {
    const cp = node({}, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }])
    expect(notEligible(cp, undefined, undefined)).toEqual({
      why: 'it has the taint node-role.kubernetes.io/control-plane:NoSchedule and the pods do not tolerate it',
      mayStay: true,
    })
    expect(
      notEligible(cp, undefined, [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }]),
    ).toBeUndefined()
    const dedicated = node({}, [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }])
    expect(
      notEligible(dedicated, undefined, [{ key: 'dedicated', value: 'web', effect: 'NoExecute' }])?.mayStay,
    ).toBe(false)
    expect(
      notEligible(dedicated, undefined, [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]),
    ).toBeUndefined()
  })

  it('tolerates what the DaemonSet controller adds itself: a cordoned or unreachable node keeps its daemon', () => {
    const cordoned = node({}, [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ])
    expect(notEligible(cordoned, undefined, undefined)).toBeUndefined()
  })
})
