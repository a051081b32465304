import type { QueryClient, QueryKey } from '@tanstack/react-query'

/**
 * Runs a list fetch for a query that pushes also keep fresh (the kubeconfig watch, a change's own answer), and
 * keeps what was pushed while the fetch was on its way instead of its answer. The backend may read the files
 * for a list just before a change lands and answer after the watch pushed that change: a job's end asks for
 * the contexts while its follow-up `contexts.use` writes, and that older answer, set last, showed the switched-
 * away context until the next change. A push is read after the change it reports, and any later change is
 * pushed again, so the pushed data is never the one left behind.
 */
export async function listUnlessPushed<T>(
  client: QueryClient,
  queryKey: QueryKey,
  list: () => Promise<T>,
): Promise<T> {
  const before = client.getQueryState(queryKey)?.dataUpdateCount ?? 0
  const listed = await list()
  const now = client.getQueryState<T>(queryKey)
  return now && now.dataUpdateCount !== before && now.data !== undefined ? now.data : listed
}
