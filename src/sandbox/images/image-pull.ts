import { defaultPullPolicy, parseImageRef } from './image-ref'
import type { LocalImages } from './local-images'
import { unreachableMessage } from './pull-chaos'
import { isWellKnownPublic } from './well-known'

// The kubelet's image decision for one container: use the node's copy, pull it, or fail the way
// containerd fails for a repository that is not in any registry.
export type PullDecision =
  | { kind: 'present' }
  /** Pulled from a registry; `seconds` when Break it made the pull slow. */
  | { kind: 'pulled'; seconds?: number }
  | { kind: 'failed'; message: string }

export function decidePull(
  image: string,
  pullPolicy: string | undefined,
  images: LocalImages | undefined,
): PullDecision {
  const ref = parseImageRef(image)
  const policy = pullPolicy ?? defaultPullPolicy(image)
  if (image.includes('doesnotexist')) {
    return {
      kind: 'failed',
      message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${ref.full}": not found`,
    }
  }
  const loaded = images?.isLoaded(image) ?? false
  // Always re-resolves in the registry even when the node has the image: a loaded ":latest" still fails.
  if (loaded && policy !== 'Always') return { kind: 'present' }
  const localOnly = (images?.isHostOnly(image) ?? false) && !isWellKnownPublic(ref)
  if (!localOnly) {
    if (loaded) return { kind: 'present' }
    const trouble = images?.pulls.troubleFor(image)
    if (trouble?.mode === 'fail') return { kind: 'failed', message: unreachableMessage(image) }
    return trouble?.mode === 'slow' ? { kind: 'pulled', seconds: trouble.seconds } : { kind: 'pulled' }
  }
  if (policy === 'Never' && !loaded) {
    return {
      kind: 'failed',
      message: `Container image "${image}" is not present with pull policy of Never`,
    }
  }
  return {
    kind: 'failed',
    message: `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
  }
}
