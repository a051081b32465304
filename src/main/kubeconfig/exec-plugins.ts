import { parse } from 'yaml'

/** One `users[].user.exec` entry: the command kubectl and client-node run to get credentials. */
export interface ExecPlugin {
  user: string
  command: string
  args: string[]
}

/** The exec plugin of one parsed kubeconfig user entry (`{ name, user: { exec } }`), if it has one. */
export function execPluginOf(entry: unknown): ExecPlugin | undefined {
  if (!entry || typeof entry !== 'object') return undefined
  const { name, user } = entry as { name?: unknown; user?: unknown }
  const exec = user && typeof user === 'object' ? (user as { exec?: unknown }).exec : undefined
  if (!exec || typeof exec !== 'object') return undefined
  const { command, args } = exec as { command?: unknown; args?: unknown }
  return {
    user: typeof name === 'string' ? name : '',
    command: typeof command === 'string' ? command : String(command ?? ''),
    args: Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))) : [],
  }
}

/** Every exec plugin a kubeconfig text declares; an unreadable text declares none (the import refuses it). */
export function execPluginsInText(text: string): ExecPlugin[] {
  let doc: unknown
  try {
    doc = parse(text, { maxAliasCount: 100 })
  } catch {
    return []
  }
  const users = doc && typeof doc === 'object' ? (doc as { users?: unknown }).users : undefined
  if (!Array.isArray(users)) return []
  return users.map(execPluginOf).filter((p): p is ExecPlugin => p !== undefined)
}

/** How a command line reads to a person: arguments with spaces quoted. */
export function commandLine(plugin: Pick<ExecPlugin, 'command' | 'args'>): string {
  return [plugin.command, ...plugin.args]
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a)))
    .join(' ')
}
