import { execa } from 'execa'
import type { RunVersion } from './detect-tools'

/** The real RunVersion: execa with an argument array (never a shell), bounded in time and output. */
export const runVersion: RunVersion = async (file, args, timeoutMs) => {
  const result = await execa(file, args, {
    timeout: timeoutMs,
    maxBuffer: 1_000_000,
    stdin: 'ignore',
    // kubectl's gcloud dispatcher may try to reach the network for updates; keep it quiet and local.
    env: { CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
  })
  return result.stdout
}
