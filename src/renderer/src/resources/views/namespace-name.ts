import { dns1123Label } from '@shared/contract/names'

/** Why a namespace name is refused, checked here so the person hears it before anything is sent. */
export function namespaceNameProblem(name: string): string | undefined {
  const r = dns1123Label.safeParse(name)
  return r.success ? undefined : `A namespace name ${r.error.issues[0]?.message ?? 'is not valid'}.`
}
