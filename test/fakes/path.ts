import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute folder holding the fake `kind`, `minikube` and `docker`: put it first on PATH. */
export function fakesPath(): string {
  return dirname(fileURLToPath(import.meta.url))
}
