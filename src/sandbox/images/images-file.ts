import { readFileSync, unwatchFile, watchFile } from 'node:fs'

// For a sandbox in its own process (`npm run sandbox -- --images FILE`): a JSON file
// `{ "hostOnly": [...], "loaded": [...] }` that other programs (a fake kind's `load docker-image`) append to.
export interface ImageSink {
  load(image: string): void
  setHostImages(images: string[]): void
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

function apply(file: string, sink: ImageSink): void {
  let doc: unknown
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return // absent or half-written: the next change brings it
  }
  const rec = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {}
  sink.setHostImages(strings(rec.hostOnly))
  for (const image of strings(rec.loaded)) sink.load(image)
}

/** Applies the file now and whenever it changes; returns the function that stops following it. */
export function followImagesFile(file: string, sink: ImageSink): () => void {
  apply(file, sink)
  const listener = (): void => apply(file, sink)
  watchFile(file, { interval: 200 }, listener)
  return () => unwatchFile(file, listener)
}
