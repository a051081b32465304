// How each list (and a few structs) merge: the +patchStrategy / +patchMergeKey / +listType / +listMapKey
// markers of the Kubernetes Go types, for the fields of the kinds the sandbox serves. They drive the
// strategic merge patch, server-side apply's ownership and the x-kubernetes-* extensions in /openapi, so
// kubectl computes its patches with the same rules the server applies them with.
// Any list not named here is atomic (replaced as a whole), as in Kubernetes.
export interface ListMeta {
  strategy?: 'merge' | 'merge,retainKeys' | 'retainKeys'
  mergeKey?: string
  listType?: 'map' | 'set' | 'atomic'
  mapKeys?: string[]
}

const byName = (key: string): ListMeta => ({
  strategy: 'merge',
  mergeKey: key,
  listType: 'map',
  mapKeys: [key],
})
const containerFields: Record<string, ListMeta> = {
  ports: {
    strategy: 'merge',
    mergeKey: 'containerPort',
    listType: 'map',
    mapKeys: ['containerPort', 'protocol'],
  },
  env: byName('name'),
  volumeMounts: byName('mountPath'),
  volumeDevices: byName('devicePath'),
  envFrom: { listType: 'atomic' },
  resizePolicy: { listType: 'atomic' },
}
const conditions = { conditions: byName('type') }

const TABLE: Record<string, Record<string, ListMeta>> = {
  ObjectMeta: {
    finalizers: { strategy: 'merge', listType: 'set' },
    ownerReferences: byName('uid'),
    managedFields: { listType: 'atomic' },
  },
  PodSpec: {
    containers: byName('name'),
    initContainers: byName('name'),
    ephemeralContainers: byName('name'),
    volumes: { ...byName('name'), strategy: 'merge,retainKeys' },
    imagePullSecrets: byName('name'),
    hostAliases: byName('ip'),
    tolerations: { listType: 'atomic' },
    readinessGates: { listType: 'atomic' },
    schedulingGates: byName('name'),
    resourceClaims: { ...byName('name'), strategy: 'merge,retainKeys' },
    topologySpreadConstraints: {
      strategy: 'merge',
      mergeKey: 'topologyKey',
      listType: 'map',
      mapKeys: ['topologyKey', 'whenUnsatisfiable'],
    },
  },
  Container: containerFields,
  EphemeralContainer: containerFields,
  PodStatus: {
    ...conditions,
    podIPs: byName('ip'),
    hostIPs: byName('ip'),
  },
  ServiceSpec: {
    ports: { strategy: 'merge', mergeKey: 'port', listType: 'map', mapKeys: ['port', 'protocol'] },
  },
  ServiceStatus: conditions,
  DeploymentStatus: conditions,
  ReplicaSetStatus: conditions,
  NamespaceStatus: conditions,
  NodeStatus: { ...conditions, addresses: byName('type') },
  NodeSpec: { podCIDRs: { strategy: 'merge', listType: 'set' } },
  ServiceAccount: { secrets: byName('name') },
}

// Structs replaced whole unless the patch names $retainKeys (Deployment strategy, a pod volume source).
const RETAIN_KEYS: Record<string, string[]> = {
  DeploymentSpec: ['strategy'],
  ServiceSpec: [],
}

export function listMeta(typeName: string, field: string): ListMeta {
  return TABLE[typeName]?.[field] ?? { listType: 'atomic' }
}

export function retainKeysField(typeName: string, field: string): boolean {
  return RETAIN_KEYS[typeName]?.includes(field) ?? false
}
