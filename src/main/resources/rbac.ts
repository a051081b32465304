import { AuthorizationV1Api, RbacAuthorizationV1Api, type V1PolicyRule } from '@kubernetes/client-node'
import type { AccessAnswer, RoleRule, RoleRules } from '@shared/contract'
import { formatLabelSelector } from '@shared/format-selector'
import type { ActionDeps } from '../workloads/deps'
import { kubeCall } from '../errors/policy'
import { FIELD_MANAGER } from '../kube/object-writes'

const toRule = (r: V1PolicyRule): RoleRule => ({
  verbs: r.verbs,
  apiGroups: r.apiGroups ?? [],
  resources: r.resources ?? [],
  resourceNames: r.resourceNames ?? [],
  nonResourceURLs: r.nonResourceURLs ?? [],
})

/** A Role's (namespace given) or ClusterRole's rules, and what an aggregated ClusterRole gathers from. */
export async function roleRules(
  deps: ActionDeps,
  input: { context?: string; namespace?: string; name: string },
): Promise<RoleRules> {
  const rbac = (await deps.getKubeConfig(input.context)).makeApiClient(RbacAuthorizationV1Api)
  const ns = input.namespace
  if (ns) {
    const role = await kubeCall(`read role "${input.name}"`, () =>
      rbac.readNamespacedRole({ name: input.name, namespace: ns }),
    )
    return { rules: (role.rules ?? []).map(toRule) }
  }
  const role = await kubeCall(`read cluster role "${input.name}"`, () =>
    rbac.readClusterRole({ name: input.name }),
  )
  const selectors = role.aggregationRule?.clusterRoleSelectors
  return {
    rules: (role.rules ?? []).map(toRule),
    ...(selectors ? { aggregatedFrom: selectors.map((s) => formatLabelSelector(s)) } : {}),
  }
}

/** `kubectl auth can-i VERB RESOURCE [NAME] [-n NS]`: a SelfSubjectAccessReview as the context's user. */
export async function canI(
  deps: ActionDeps,
  input: {
    context?: string
    verb: string
    group: string
    resource: string
    subresource?: string
    namespace?: string
    name?: string
  },
): Promise<AccessAnswer> {
  const auth = (await deps.getKubeConfig(input.context)).makeApiClient(AuthorizationV1Api)
  const review = await kubeCall(`ask whether you may ${input.verb} ${input.resource}`, () =>
    auth.createSelfSubjectAccessReview({
      fieldManager: FIELD_MANAGER,
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
          resourceAttributes: {
            verb: input.verb,
            group: input.group,
            resource: input.resource,
            ...(input.subresource ? { subresource: input.subresource } : {}),
            ...(input.namespace ? { namespace: input.namespace } : {}),
            ...(input.name ? { name: input.name } : {}),
          },
        },
      },
    }),
  )
  const s = review.status
  return {
    allowed: s?.allowed === true,
    denied: s?.denied === true,
    ...(s?.reason ? { reason: s.reason } : {}),
  }
}
