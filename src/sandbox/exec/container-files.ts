import type { ObjectApi } from '../api/objects'
import type { ContainerView, FsNode } from './container-fs'
import { containerFs, lookup, resolvePath } from './container-fs'
import type { TarEntry } from './tar'

// Each container instance keeps its files while it runs (what one exec writes, the next reads), and starts
// afresh when it restarts, as a container's writable layer does. Kept per sandbox (per ObjectApi).
const registries = new WeakMap<ObjectApi, Map<string, FsNode>>()

export function filesFor(api: ObjectApi, view: ContainerView): FsNode {
  const registry = registries.get(api) ?? new Map<string, FsNode>()
  registries.set(api, registry)
  const restarts = view.pod.status.containerStatuses?.find(
    (s) => s.name === view.container.name,
  )?.restartCount
  const key = `${view.pod.metadata.uid}/${view.container.name}/${restarts ?? 0}`
  let root = registry.get(key)
  if (!root) {
    // forget instances that are gone, so a long-lived sandbox does not keep every pod's files
    for (const k of registry.keys())
      if (k.startsWith(`${view.pod.metadata.uid}/${view.container.name}/`)) registry.delete(k)
    root = containerFs(view)
    registry.set(key, root)
  }
  return root
}

// Creates a directory and its parents (mkdir -p); false if a file is in the way.
export function makeDirs(root: FsNode, absPath: string): boolean {
  let node = root
  for (const part of absPath.split('/').filter((p) => p !== '')) {
    if (node.type !== 'dir') return false
    let next = node.children.get(part)
    if (!next) {
      next = { type: 'dir', children: new Map() }
      node.children.set(part, next)
    }
    node = next
  }
  return node.type === 'dir'
}

export function writeFile(root: FsNode, absPath: string, content: string): boolean {
  const parent = resolvePath(absPath, '..')
  const name = absPath
    .split('/')
    .filter((p) => p !== '')
    .pop()
  const dir = lookup(root, parent)
  if (!name || dir?.type !== 'dir' || dir.children.get(name)?.type === 'dir') return false
  dir.children.set(name, { type: 'file', content })
  return true
}

export function extract(root: FsNode, dest: string, entries: TarEntry[]): void {
  for (const e of entries) {
    const path = resolvePath(dest, e.name.replace(/^\/+/, ''))
    if (e.dir) makeDirs(root, path)
    else if (makeDirs(root, resolvePath(path, '..'))) writeFile(root, path, e.content.toString('utf8'))
  }
}
