/** What every resource view takes from the sidebar. */
export interface ViewProps {
  /** Absent = the kubeconfig's current context. */
  context?: string
}
