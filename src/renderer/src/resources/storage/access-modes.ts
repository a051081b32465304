/** Access modes in words (kubectl prints RWO, RWX…, which say nothing to a newcomer). */
const words: Readonly<Record<string, string>> = {
  ReadWriteOnce: 'read-write from one node',
  ReadOnlyMany: 'read-only from many nodes',
  ReadWriteMany: 'read-write from many nodes',
  ReadWriteOncePod: 'read-write from one pod',
}

export const accessModesText = (modes: string[]): string =>
  modes.length === 0 ? 'none given' : modes.map((m) => `${words[m] ?? m} (${m})`).join(', ')
