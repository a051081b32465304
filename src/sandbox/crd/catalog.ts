import type { ResourceDef } from '../api/resources'
import { RESOURCES, resourceByKind } from '../api/resources'
import type { Store, StoreEvent } from '../store/store'
import { compareVersions, crdResources } from './crd-resources'

// One sandbox's resource table: the built-in kinds plus whatever its CustomResourceDefinitions serve.
// It follows the store, so a CRD's resources are routable and discoverable the moment it is written
// and gone the moment it is removed.
const CRD = resourceByKind('CustomResourceDefinition')

export class ResourceCatalog {
  private readonly custom = new Map<string, ResourceDef[]>()
  private merged: readonly ResourceDef[] = RESOURCES

  all(): readonly ResourceDef[] {
    return this.merged
  }

  find(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.merged.find((r) => r.group === group && r.version === version && r.plural === plural)
  }

  // The served versions of one CRD (all share one table in the store, keyed by plural.group).
  forCrd(crdName: string): readonly ResourceDef[] {
    return this.custom.get(crdName) ?? []
  }

  // Re-reads every CRD in the store (after a restore, which emits no events).
  reload(store: Store): readonly ResourceDef[] {
    for (const e of store.list(CRD)) this.set(e.obj.metadata.name, crdResources(e.obj))
    return this.merged
  }

  // Keeps the table in step with the store's CRD writes from now on.
  follow(store: Store): () => void {
    this.reload(store)
    return store.subscribe((ev: StoreEvent) => {
      if (ev.resource.kind !== CRD.kind || ev.resource.group !== CRD.group) return
      if (ev.type === 'DELETED') this.set(ev.entry.obj.metadata.name, [])
      else this.set(ev.entry.obj.metadata.name, crdResources(ev.entry.obj))
    })
  }

  private set(crdName: string, defs: ResourceDef[]): void {
    if (defs.length === 0) this.custom.delete(crdName)
    else this.custom.set(crdName, defs)
    // discovery lists a group's versions in this order, so the preferred (highest priority) comes first
    const custom = [...this.custom.values()].flat().sort((a, b) => compareVersions(a.version, b.version))
    this.merged = [...RESOURCES, ...custom]
  }
}
