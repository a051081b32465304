import { api } from '../../api/client'
import { useNotice } from '../../components/Notice'
import { kindNames } from '../../resources/kind-names'
import { useSelection, type Selection } from '../selection'
import type { PaletteEntry, PaletteProvider } from '../types'
import { openObject } from './objects'

type Notify = ReturnType<typeof useNotice>

function rolloutEntries(s: Selection, notice: Notify): PaletteEntry[] {
  const { name, namespace } = s.ref
  if (!namespace) return []
  const input = { ...(s.context ? { context: s.context } : {}), namespace, name }
  const call = (method: 'rollout.restart' | 'rollout.pause' | 'rollout.resume', done: string) => () =>
    void api.call(method, input).then(
      () => notice('ok', done),
      (err: Error) => notice('error', err.message),
    )
  return [
    {
      id: 'selection:restart',
      group: 'Selection',
      title: `Restart rollout of ${name}`,
      keywords: 'kubectl rollout restart',
      run: call('rollout.restart', `Restarting the pods of “${name}” one by one.`),
    },
    {
      id: 'selection:pause',
      group: 'Selection',
      title: `Pause rollout of ${name}`,
      run: call('rollout.pause', `Paused the rollout of “${name}”.`),
    },
    {
      id: 'selection:resume',
      group: 'Selection',
      title: `Resume rollout of ${name}`,
      run: call('rollout.resume', `Resumed the rollout of “${name}”.`),
    },
    {
      id: 'selection:scale',
      group: 'Selection',
      title: `Scale ${name}…`,
      detail: 'opens its detail, where the replica count is',
      run: () => openObject(s.context, s.ref),
    },
  ]
}

/** Actions on the object selected (or open) in a list: open it, copy its name, and a deployment's rollout. */
export const selectionProvider: PaletteProvider = {
  id: 'selection',
  order: 10,
  useEntries: () => {
    const selection = useSelection()
    const notice = useNotice()
    if (!selection) return []
    const { ref } = selection
    const what = `${kindNames[ref.kind].singular} ${ref.name}`
    return [
      {
        id: 'selection:open',
        group: 'Selection',
        title: `Open ${what}`,
        detail: ref.namespace ? `in ${ref.namespace}` : undefined,
        run: () => openObject(selection.context, ref),
      },
      ...(ref.kind === 'deployments' ? rolloutEntries(selection, notice) : []),
      {
        id: 'selection:copy',
        group: 'Selection',
        title: `Copy the name ${ref.name}`,
        run: () =>
          void navigator.clipboard.writeText(ref.name).then(
            () => notice('ok', `Copied “${ref.name}”.`),
            () => notice('error', 'The clipboard is not available here.'),
          ),
      },
    ]
  },
}
