import { readFile } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import type { ResourceDef } from '../api/resources'
import { RESOURCES, qualifiedName } from '../api/resources'
import type { SandboxCerts } from '../server/certs'
import type { KObj } from '../types'
import { isRecord } from '../types'
import type { Store } from './store'

// Sandbox state on disk: one JSON document, written atomically (temp file + fsync + rename).
export interface PersistedState {
  version: 1
  name: string
  token: string
  port: number
  certs: SandboxCerts
  resourceVersion: number
  savedAt: number
  // the sandbox clock at save (simulated time runs ahead of real time at speed > 1); absent in older files
  clockAt?: number
  objects: Record<string, KObj[]>
}

export async function saveState(
  file: string,
  state: Omit<PersistedState, 'objects' | 'version'>,
  store: Store,
): Promise<void> {
  const objects: Record<string, KObj[]> = {}
  for (const { resource, objects: list } of store.snapshot()) objects[resource] = list
  const doc: PersistedState = { version: 1, ...state, objects }
  await writeFileAtomic(file, JSON.stringify(doc), { fsync: true, mode: 0o600 })
}

function isCerts(value: unknown): value is SandboxCerts {
  return isRecord(value) && ['caCert', 'caKey', 'cert', 'key'].every((k) => typeof value[k] === 'string')
}

export async function loadState(file: string): Promise<PersistedState | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if (isRecord(err) && err.code === 'ENOENT') return undefined
    throw err
  }
  const doc = JSON.parse(text) as unknown
  if (!isRecord(doc) || doc.version !== 1 || !isCerts(doc.certs) || !isRecord(doc.objects)) {
    throw new Error(`${file} is not a sandbox state file`)
  }
  return doc as unknown as PersistedState
}

// Built-in kinds first; then `custom()` (the catalog, which reads the restored CRDs) names the tables
// of custom objects, one per CRD however many versions it serves.
export function restoreObjects(
  store: Store,
  state: PersistedState,
  custom: () => readonly ResourceDef[] = () => [],
): void {
  for (const r of RESOURCES) {
    for (const obj of state.objects[qualifiedName(r)] ?? []) store.restore(r, obj)
  }
  const seen = new Set<string>()
  for (const r of custom()) {
    if (seen.has(qualifiedName(r))) continue
    seen.add(qualifiedName(r))
    for (const obj of state.objects[qualifiedName(r)] ?? []) store.restore(r, obj)
  }
  store.setResourceVersion(state.resourceVersion)
}
