import type { ToolName } from '@shared/contract'

/** How each tool reports its own version, and how to read that report. */
export interface VersionProbe {
  args: string[]
  parse: (stdout: string) => string | undefined
}

const semver = /v?(\d+\.\d+\.\d+[\w.+-]*)/

function firstSemver(text: string): string | undefined {
  const m = semver.exec(text)
  return m?.[1] ? `v${m[1]}` : undefined
}

function jsonField(text: string, read: (value: unknown) => unknown): string | undefined {
  try {
    const v = read(JSON.parse(text))
    return typeof v === 'string' && v ? v : undefined
  } catch {
    return undefined
  }
}

function record(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
}

export const versionProbes: Record<ToolName, VersionProbe> = {
  // `kubectl version --client -o json` → { clientVersion: { gitVersion } }
  kubectl: {
    args: ['version', '--client', '-o', 'json'],
    parse: (out) => jsonField(out, (j) => record(record(j, 'clientVersion'), 'gitVersion')),
  },
  // `kind version` → "kind v0.27.0 go1.23.6 linux/amd64"
  kind: { args: ['version'], parse: firstSemver },
  // `minikube version -o json` → { minikubeVersion: "v1.35.0", commit }
  minikube: {
    args: ['version', '-o', 'json'],
    parse: (out) => jsonField(out, (j) => record(j, 'minikubeVersion')) ?? firstSemver(out),
  },
  // `docker --version` → "Docker version 28.2.2, build e6534b4" (client only; no daemon needed)
  docker: { args: ['--version'], parse: firstSemver },
  // `podman --version` → "podman version 5.4.0"
  podman: { args: ['--version'], parse: firstSemver },
}
