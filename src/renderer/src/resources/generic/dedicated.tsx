import type { ReactNode } from 'react'
import type { ApiKind } from '@shared/contract'
import type { Tab } from '../Tabs'
import { RoleRulesTab } from '../rbac/RoleRulesTab'

/** The object a dedicated tab is about, in the generic detail panel. */
export interface DedicatedTarget {
  context?: string
  namespace?: string
  name: string
}

type TabsFor = (target: DedicatedTarget, kind: ApiKind) => Tab[]

const body = (node: ReactNode): ReactNode => <div className="detail-body">{node}</div>

const rulesTab: TabsFor = (target) => [
  { id: 'rules', label: 'Rules', render: () => body(<RoleRulesTab target={target} />) },
]

/**
 * Kinds that need more than columns: discovery id → the tabs their detail adds after Summary. The generic panel
 * keeps summary, events, YAML and delete for them; a kind listed here gets its own view on top.
 */
export const dedicatedTabs: Readonly<Record<string, TabsFor>> = {
  'roles.rbac.authorization.k8s.io': rulesTab,
  'clusterroles.rbac.authorization.k8s.io': rulesTab,
}
