// Free of zod so the first paint (the sidebar) need not load it.

/** The sidebar's groups, in order. `custom` kinds are shown by API group. */
export const kindGroups = [
  'workloads',
  'network',
  'config',
  'storage',
  'access',
  'cluster',
  'custom',
] as const
export type KindGroup = (typeof kindGroups)[number]
