import type { ReactNode } from 'react'
import { ResourceList } from '../ResourceList'
import { Tabs } from '../Tabs'
import { Empty, nsFlag, scopeWords } from './empty'
import type { ViewProps } from './view-props'
import { warningsFirst } from './event-order'

/** The cluster's nodes, as `kubectl get nodes -o wide` lists them. */
export function NodesView({ context }: ViewProps): ReactNode {
  return (
    <ResourceList
      kind="nodes"
      {...(context ? { context } : {})}
      empty={() => (
        <Empty
          title="No nodes"
          hint="A cluster without nodes cannot run pods. Check the cluster in the Clusters section, or list nodes with:"
          command="kubectl get nodes"
        />
      )}
    />
  )
}

/** Services (and, through their detail, the pods behind them). */
export function NetworkView({ context }: ViewProps): ReactNode {
  return (
    <ResourceList
      kind="services"
      {...(context ? { context } : {})}
      empty={(ns) => (
        <Empty
          title={`No services ${scopeWords(ns)}`}
          hint="A service gives a stable address to a set of pods. Expose a deployment with:"
          command={`kubectl expose deployment web --port=80${nsFlag(ns)}`}
        />
      )}
    />
  )
}

/** ConfigMaps and Secrets; secret values stay masked until revealed key by key. */
export function ConfigView({ context }: ViewProps): ReactNode {
  const ctx = context ? { context } : {}
  return (
    <Tabs
      label="Configuration"
      tabs={[
        {
          id: 'configmaps',
          label: 'ConfigMaps',
          render: () => (
            <ResourceList
              kind="configmaps"
              {...ctx}
              empty={(ns) => (
                <Empty
                  title={`No config maps ${scopeWords(ns)}`}
                  hint="Config maps hold settings for pods. Create one with:"
                  command={`kubectl create configmap settings --from-literal=mode=demo${nsFlag(ns)}`}
                />
              )}
            />
          ),
        },
        {
          id: 'secrets',
          label: 'Secrets',
          render: () => (
            <ResourceList
              kind="secrets"
              {...ctx}
              empty={(ns) => (
                <Empty
                  title={`No secrets ${scopeWords(ns)}`}
                  hint="Secrets hold passwords and keys for pods. Create one with:"
                  command={`kubectl create secret generic db-pass --from-literal=password=change-me${nsFlag(ns)}`}
                />
              )}
            />
          ),
        },
      ]}
    />
  )
}

/** Events from every object in the chosen namespaces, warnings first, then newest first. */
export function EventsView({ context }: ViewProps): ReactNode {
  return (
    <ResourceList
      kind="events"
      {...(context ? { context } : {})}
      defaultOrder={warningsFirst}
      orderNote="warnings first, then newest"
      empty={(ns) => (
        <Empty
          title={`No events ${scopeWords(ns)}`}
          hint="Kubernetes records events when objects change (scheduling, pulls, restarts) and forgets them after an hour. Start something to see events:"
          command={`kubectl create deployment web --image=nginx${nsFlag(ns)}`}
        />
      )}
    />
  )
}
