// The fake container engine's image store, shared by the fake docker, kind and minikube.
// State: $FAKE_STATE_DIR/docker/images.json, an array of { repository, tag, id, size, created }; when it is
// absent, FAKE_DOCKER_IMAGES ("repo:tag,repo:tag") seeds it.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { env, readJson, stateDir } from './lib.mjs'

const file = () => path.join(stateDir('docker'), 'images.json')
export const imageId = (ref) => `sha256:${createHash('sha256').update(normalize(ref)).digest('hex')}`

/** "nginx" → "nginx:latest" (docker's own short form keeps docker.io/library implicit). */
export function normalize(ref) {
  const last = ref.split('/').pop() ?? ''
  return last.includes(':') || ref.includes('@') ? ref : `${ref}:latest`
}

export function hostImages() {
  const saved = readJson(file())
  if (Array.isArray(saved)) return saved
  return (env.FAKE_DOCKER_IMAGES || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((ref) => {
      const full = normalize(ref)
      const colon = full.lastIndexOf(':')
      return {
        repository: full.slice(0, colon),
        tag: full.slice(colon + 1),
        id: imageId(full),
        size: '187MB',
        created: '2026-11-30 09:12:44 +0000 UTC',
      }
    })
}

export function findHostImage(ref) {
  const want = normalize(ref)
  return hostImages().find((i) => `${i.repository}:${i.tag}` === want)
}

/** containerd's name for an image, as `crictl images` and `minikube image ls` print it. */
export function containerdName(ref) {
  const full = normalize(ref)
  const first = full.split('/')[0]
  const hasRegistry =
    full.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
  if (hasRegistry) return full
  return full.includes('/') ? `docker.io/${full}` : `docker.io/library/${full}`
}

export function saveHostImages(list) {
  fs.writeFileSync(file(), JSON.stringify(list))
}
