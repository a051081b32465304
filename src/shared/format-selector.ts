/** A LabelSelector as Kubernetes writes it (matchExpressions' operators are case-sensitive). */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[]
}

/**
 * The selector's text the way kubectl prints and sends it (metav1.LabelSelectorAsSelector(...).String()):
 * requirements sorted by key (stable: labels before expressions of the same key), values of `in`/`notin`
 * sorted. `app=web,tier in (a,b),!legacy`. An empty or absent selector is ''.
 */
export function formatLabelSelector(sel: LabelSelectorSpec | undefined): string {
  if (!sel) return ''
  const parts: [string, string][] = []
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) parts.push([k, `${k}=${v}`])
  for (const e of sel.matchExpressions ?? []) {
    const key = e.key ?? ''
    const values = [...(e.values ?? [])].sort().join(',')
    if (e.operator === 'In') parts.push([key, `${key} in (${values})`])
    else if (e.operator === 'NotIn') parts.push([key, `${key} notin (${values})`])
    else if (e.operator === 'Exists') parts.push([key, key])
    else if (e.operator === 'DoesNotExist') parts.push([key, `!${key}`])
  }
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(',')
}
