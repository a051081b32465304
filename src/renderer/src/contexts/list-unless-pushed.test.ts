import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { listUnlessPushed } from './list-unless-pushed'

const key = ['contexts.list', {}] as const

/** A list answer the test releases when it wants: the backend read the file, the answer is on its way. */
function pendingAnswer(): { answer: Promise<string>; arrive: (value: string) => void } {
  let arrive!: (value: string) => void
  return { answer: new Promise<string>((r) => (arrive = r)), arrive }
}

async function refetch(client: QueryClient, answer: Promise<string>): Promise<void> {
  await client.fetchQuery({
    queryKey: key,
    queryFn: ({ client: c }) => listUnlessPushed(c, key, () => answer),
  })
}

describe('a contexts list answer and the watch pushes', () => {
  it('keeps what the watch pushed while an older list answer was on its way', async () => {
    const client = new QueryClient()
    client.setQueryData(key, 'current: sandbox-second (before the delete)')
    const list = pendingAnswer()
    const fetching = refetch(client, list.answer)
    // contexts.use writes "alpha"; the watch pushes it; then the list read before that write arrives.
    client.setQueryData(key, 'current: alpha')
    list.arrive('current: sandbox-second (read before the switch)')
    await fetching
    expect(client.getQueryData(key)).toBe('current: alpha')
  })

  it('takes the answer when nothing was pushed meanwhile, first load or refetch', async () => {
    const client = new QueryClient()
    const first = pendingAnswer()
    const loading = refetch(client, first.answer)
    first.arrive('current: beta')
    await loading
    expect(client.getQueryData(key)).toBe('current: beta')

    const again = pendingAnswer()
    const refetching = refetch(client, again.answer)
    again.arrive('current: alpha')
    await refetching
    expect(client.getQueryData(key)).toBe('current: alpha')
  })
})
