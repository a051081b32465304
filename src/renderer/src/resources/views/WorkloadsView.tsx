import type { ReactNode } from 'react'
import { useDeploymentRowsWithPods } from '../health/useDeploymentProblems'
import { ResourceList } from '../ResourceList'
import { Tabs } from '../Tabs'
import { Empty, nsFlag, scopeWords } from './empty'
import type { ViewProps } from './view-props'

/** Pods, Deployments and ReplicaSets, live. */
export function WorkloadsView({ context }: ViewProps): ReactNode {
  const ctx = context ? { context } : {}
  return (
    <Tabs
      label="Workloads"
      tabs={[
        {
          id: 'pods',
          label: 'Pods',
          render: () => (
            <ResourceList
              kind="pods"
              {...ctx}
              empty={(ns) => (
                <Empty
                  title={`No pods ${scopeWords(ns)}`}
                  hint="Pods appear here as soon as something runs them. Create a deployment with:"
                  command={`kubectl create deployment web --image=nginx --replicas=2${nsFlag(ns)}`}
                />
              )}
            />
          ),
        },
        {
          id: 'deployments',
          label: 'Deployments',
          render: () => (
            <ResourceList
              kind="deployments"
              {...ctx}
              useRows={useDeploymentRowsWithPods}
              empty={(ns) => (
                <Empty
                  title={`No deployments ${scopeWords(ns)}`}
                  hint="A deployment keeps a number of pods running and rolls out new versions. Create one with:"
                  command={`kubectl create deployment web --image=nginx${nsFlag(ns)}`}
                />
              )}
            />
          ),
        },
        {
          id: 'replicasets',
          label: 'ReplicaSets',
          render: () => (
            <ResourceList
              kind="replicasets"
              {...ctx}
              empty={(ns) => (
                <Empty
                  title={`No replica sets ${scopeWords(ns)}`}
                  hint="Deployments create replica sets, one per revision. Create a deployment to see them:"
                  command={`kubectl create deployment web --image=nginx${nsFlag(ns)}`}
                />
              )}
            />
          ),
        },
      ]}
    />
  )
}
