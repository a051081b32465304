import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type * as yaml from 'yaml'
import type { Analysis } from './load-file'

type Analyse = (y: typeof yaml, text: string) => Analysis

/**
 * Runs the kubeconfig analysis on a worker thread so a multi-megabyte file does not stop every other call
 * while it parses. The worker is given the analysis function's own source and the path of the `yaml`
 * package, so it needs no separate bundled file (this works the same under tsx, Vitest and electron-vite).
 * If a worker cannot be started, the analysis runs here instead.
 */
let worker: Worker | undefined
let nextId = 0
const waiting = new Map<number, { resolve: (a: Analysis) => void; reject: (e: Error) => void }>()

function startWorker(analyse: Analyse): Worker {
  const yamlPath = createRequire(import.meta.url).resolve('yaml')
  const source = `
    const { parentPort, workerData } = require('node:worker_threads')
    const y = require(workerData.yamlPath)
    const analyse = (${analyse.toString()})
    parentPort.on('message', ({ id, text }) => {
      try { parentPort.postMessage({ id, analysis: analyse(y, text) }) }
      catch (err) { parentPort.postMessage({ id, error: String(err && err.message || err) }) }
    })`
  const w = new Worker(source, { eval: true, workerData: { yamlPath } })
  w.unref() // an idle parser never keeps the process alive
  w.on('message', (m: { id: number; analysis?: Analysis; error?: string }) => {
    const entry = waiting.get(m.id)
    waiting.delete(m.id)
    if (m.analysis) entry?.resolve(m.analysis)
    else entry?.reject(new Error(m.error ?? 'the parser failed'))
  })
  w.on('error', (err) => {
    worker = undefined
    for (const entry of waiting.values()) entry.reject(err)
    waiting.clear()
  })
  return w
}

export async function analyseOffThread(text: string, analyse: Analyse): Promise<Analysis> {
  try {
    worker ??= startWorker(analyse)
    const id = ++nextId
    const w = worker
    return await new Promise<Analysis>((resolve, reject) => {
      waiting.set(id, { resolve, reject })
      w.postMessage({ id, text })
    })
  } catch {
    const y = await import('yaml')
    return analyse(y, text)
  }
}
