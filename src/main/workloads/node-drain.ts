import { CoreV1Api, PatchStrategy, PolicyV1Api, setHeaderOptions } from '@kubernetes/client-node'
import type { DrainPlan, DrainResult } from '@shared/contract'
import type { ActionDeps } from './deps'
import { kubeCall, httpStatusOf, toApiError } from '../errors/policy'
import { FIELD_MANAGER } from '../kube/object-writes'
import { planDrain } from './drain-plan'

interface NodeInput {
  context?: string
  name: string
}

/** `kubectl cordon` / `uncordon`: a merge patch of spec.unschedulable (uncordon removes it, as kubectl's does). */
export async function cordon(
  deps: ActionDeps,
  input: NodeInput & { unschedulable: boolean },
): Promise<{ unschedulable: boolean }> {
  const core = (await deps.getKubeConfig(input.context)).makeApiClient(CoreV1Api)
  const verb = input.unschedulable ? 'cordon' : 'uncordon'
  const node = await kubeCall(`${verb} node "${input.name}"`, () =>
    core.patchNode(
      {
        name: input.name,
        body: { spec: { unschedulable: input.unschedulable ? true : null } },
        fieldManager: FIELD_MANAGER,
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    ),
  )
  return { unschedulable: node.spec?.unschedulable === true }
}

/** The preview: every pod bound to the node, what drain does with it, and what a budget refuses now. */
export async function drainPlan(deps: ActionDeps, input: NodeInput): Promise<DrainPlan> {
  const config = await deps.getKubeConfig(input.context)
  const core = config.makeApiClient(CoreV1Api)
  const policy = config.makeApiClient(PolicyV1Api)
  const doing = `read what runs on node "${input.name}"`
  const [node, pods, budgets] = await Promise.all([
    kubeCall(doing, () => core.readNode({ name: input.name })),
    kubeCall(doing, () => core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${input.name}` })),
    // Without permission to read budgets the preview still lists the pods; the evictions will tell.
    policy.listPodDisruptionBudgetForAllNamespaces().catch(() => ({ items: [] })),
  ])
  return {
    node: input.name,
    unschedulable: node.spec?.unschedulable === true,
    pods: planDrain(pods.items, budgets.items),
  }
}

/**
 * `kubectl drain --ignore-daemonsets --delete-emptydir-data --force`, one pass: cordon, then one Eviction per
 * pod the plan evicts. Budgets' 429s are reported as blocked rather than retried: the view shows them and the
 * person drains again once replacements are ready (kubectl retries every 5 s until its timeout).
 */
export async function drain(deps: ActionDeps, input: NodeInput): Promise<DrainResult> {
  await cordon(deps, { ...input, unschedulable: true })
  const plan = await drainPlan(deps, input)
  const core = (await deps.getKubeConfig(input.context)).makeApiClient(CoreV1Api)
  const result: DrainResult = { evicted: [], blocked: [], failed: [] }
  await Promise.all(
    plan.pods
      .filter((p) => p.action === 'evict')
      .map(async (p) => {
        const pod = `${p.namespace}/${p.name}`
        try {
          await core.createNamespacedPodEviction({
            name: p.name,
            namespace: p.namespace,
            fieldManager: FIELD_MANAGER,
            body: {
              apiVersion: 'policy/v1',
              kind: 'Eviction',
              metadata: { name: p.name, namespace: p.namespace },
            },
          })
          result.evicted.push(pod)
        } catch (err) {
          const status = httpStatusOf(err)
          // Gone already: what drain wanted.
          if (status === 404) result.evicted.push(pod)
          else {
            // The pod is named beside the message, so the server's own sentence is enough.
            const message = toApiError(err).message
            ;(status === 429 ? result.blocked : result.failed).push({ pod, message })
          }
        }
      }),
  )
  result.evicted.sort()
  return result
}
