import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// Field docs client-node's generator leaves out (a field typed as another struct: Deployment.spec,
// PodTemplateSpec.metadata) read from kubernetes-models' declarations of the same definition.
const require = createRequire(import.meta.url)
let roots: { api: string; meta: string } | undefined

function packageRoots(): { api: string; meta: string } {
  roots ??= {
    api: dirname(require.resolve('kubernetes-models/package.json')),
    meta: dirname(require.resolve('@kubernetes-models/apimachinery/package.json')),
  }
  return roots
}

// io.k8s.api.apps.v1.DeploymentSpec → kubernetes-models/apps/v1/DeploymentSpec.d.ts
function declarationPath(definition: string): string | undefined {
  const { api, meta } = packageRoots()
  const metaPrefix = 'io.k8s.apimachinery.pkg.apis.meta.v1.'
  if (definition.startsWith(metaPrefix))
    return join(meta, 'apis/meta/v1', `${definition.slice(metaPrefix.length)}.d.ts`)
  const m = /^io\.k8s\.api\.([a-z0-9]+)\.(v[a-z0-9]+)\.(\w+)$/.exec(definition)
  if (!m) return undefined
  const [, group = '', version = '', type = ''] = m
  const folder =
    group === 'core'
      ? version
      : ['apps', 'batch', 'autoscaling', 'policy'].includes(group)
        ? `${group}/${version}`
        : `${group}.k8s.io/${version}`
  return join(api, folder, `${type}.d.ts`)
}

function parseInterfaceDocs(text: string): Map<string, string> {
  const docs = new Map<string, string>()
  const start = text.indexOf('export interface ')
  if (start < 0) return docs
  const end = text.indexOf('\n}', start)
  let comment: string[] = []
  let inComment = false
  for (const raw of text.slice(start, end).split('\n').slice(1)) {
    const line = raw.trim()
    if (line === '/**') {
      inComment = true
      comment = []
    } else if (line === '*/') inComment = false
    else if (inComment) comment.push(line.replace(/^\* ?/, ''))
    else {
      const m = /^"([^"]+)"\??:/.exec(line)
      if (m?.[1] !== undefined && comment.length > 0) docs.set(m[1], comment.join('\n'))
      comment = []
    }
  }
  return docs
}

const cache = new Map<string, Map<string, string>>()

export function fallbackFieldDoc(definition: string, field: string): string {
  let docs = cache.get(definition)
  if (!docs) {
    const path = declarationPath(definition)
    let text = ''
    try {
      text = path ? readFileSync(path, 'utf8') : ''
    } catch {
      // a definition kubernetes-models does not carry: no fallback doc
    }
    docs = parseInterfaceDocs(text)
    cache.set(definition, docs)
  }
  return docs.get(field) ?? ''
}
