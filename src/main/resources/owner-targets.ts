import type { ApiCatalog, ApiObjectRef } from '@shared/contract'
import type { WireOwnerRef } from '../kube/rows/wire'
import { splitApiVersion } from './api-paths'

interface Known {
  resource: string
  namespaced: boolean
}

/**
 * The kinds Kubernetes' own controllers name in ownerReferences, so owner links work before (or without)
 * discovery: pods of ReplicaSets, StatefulSets, DaemonSets, Jobs, ReplicationControllers and static pods of
 * Nodes; Jobs of CronJobs; ReplicaSets of Deployments; ControllerRevisions of StatefulSets and DaemonSets;
 * EndpointSlices of Services.
 */
export const builtInOwners: Readonly<Record<string, Known>> = {
  'apps/ReplicaSet': { resource: 'replicasets', namespaced: true },
  'apps/Deployment': { resource: 'deployments', namespaced: true },
  'apps/StatefulSet': { resource: 'statefulsets', namespaced: true },
  'apps/DaemonSet': { resource: 'daemonsets', namespaced: true },
  'apps/ControllerRevision': { resource: 'controllerrevisions', namespaced: true },
  'batch/Job': { resource: 'jobs', namespaced: true },
  'batch/CronJob': { resource: 'cronjobs', namespaced: true },
  '/ReplicationController': { resource: 'replicationcontrollers', namespaced: true },
  '/Pod': { resource: 'pods', namespaced: true },
  '/Service': { resource: 'services', namespaced: true },
  '/Node': { resource: 'nodes', namespaced: false },
  '/Namespace': { resource: 'namespaces', namespaced: false },
}

/**
 * Where an owner reference leads: the kind found by group and Kind in the catalog (custom kinds too), else a
 * built-in controller kind. Owners live in their dependent's namespace unless they are cluster-scoped.
 */
export function ownerTarget(
  owner: WireOwnerRef,
  namespace: string | undefined,
  catalog?: ApiCatalog,
): ApiObjectRef | undefined {
  if (!owner.apiVersion || !owner.kind || !owner.name) return undefined
  const { group, version } = splitApiVersion(owner.apiVersion)
  const found = catalog?.kinds.find((k) => k.group === group && k.kind === owner.kind)
  const known = found ?? builtInOwners[`${group}/${owner.kind}`]
  if (!known) return undefined
  const ref: ApiObjectRef = {
    group,
    version: found?.version ?? version,
    resource: known.resource,
    name: owner.name,
  }
  if (known.namespaced && namespace) ref.namespace = namespace
  return ref
}
