import { describe, expect, it } from 'vitest'
import {
  expectedKindSteps,
  parseKindClusters,
  parseKindError,
  parseKindStepLine,
  parseKindVersion,
} from './kind-parse'

// Recorded from cli-spec.md (kind create cluster without a TTY).
const CREATE_OUTPUT = `Creating cluster "demo" ...
 • Ensuring node image (kindest/node:v1.33.1) 🖼  ...
 ✓ Ensuring node image (kindest/node:v1.33.1) 🖼
 • Preparing nodes 📦 📦  ...
 ✓ Preparing nodes 📦 📦
 • Writing configuration 📜  ...
 ✓ Writing configuration 📜
 • Starting control-plane 🕹️  ...
 ✓ Starting control-plane 🕹️
 • Installing CNI 🔌  ...
 ✓ Installing CNI 🔌
 • Installing StorageClass 💾  ...
 ✓ Installing StorageClass 💾
 • Joining worker nodes 🚜  ...
 ✓ Joining worker nodes 🚜
 • Waiting ≤ 2m0s for control-plane = Ready ⏳  ...
 ✓ Waiting ≤ 2m0s for control-plane = Ready ⏳
Set kubectl context to "kind-demo"
You can now use your cluster with:

kubectl cluster-info --context kind-demo

Have a nice day! 👋`

describe('parseKindVersion', () => {
  it('reads release, pre-release and quiet output', () => {
    expect(parseKindVersion('kind v0.33.0 go1.24.6 linux/amd64\n')).toEqual({
      version: '0.33.0',
      raw: 'kind v0.33.0 go1.24.6 linux/amd64',
    })
    expect(parseKindVersion('kind v0.33.0-alpha+abc123 go1.24.6 linux/amd64')?.version).toBe(
      '0.33.0-alpha+abc123',
    )
    expect(parseKindVersion('0.33.0\n')?.version).toBe('0.33.0')
  })

  it('refuses garbage', () => {
    expect(parseKindVersion('')).toBeUndefined()
    expect(parseKindVersion('\u0000\u00ff{{not json')).toBeUndefined()
  })
})

describe('parseKindStepLine', () => {
  it('turns every step line of a create into named steps in order', () => {
    const steps = CREATE_OUTPUT.split('\n').flatMap((l) => {
      const s = parseKindStepLine(l)
      return s ? [s] : []
    })
    expect(steps).toHaveLength(16)
    expect(steps.filter((s) => s.state === 'running').map((s) => s.step)).toEqual([
      'Ensuring node image (kindest/node:v1.33.1)',
      'Preparing nodes',
      'Writing configuration',
      'Starting control-plane',
      'Installing CNI',
      'Installing StorageClass',
      'Joining worker nodes',
      'Waiting ≤ 2m0s for control-plane = Ready',
    ])
    expect(steps[3]).toEqual({ step: 'Preparing nodes', title: 'Preparing nodes (2 nodes)', state: 'done' })
  })

  it('reads a failed step and ignores other lines', () => {
    expect(parseKindStepLine(' ✗ Starting control-plane 🕹️')).toEqual({
      step: 'Starting control-plane',
      title: 'Starting control-plane',
      state: 'failed',
    })
    // No emoji reaches the screen, where fonts without them draw boxes.
    expect(parseKindStepLine(' • Ensuring node image (kindest/node:v1.33.1) 🖼 ...')?.title).toBe(
      'Ensuring node image (kindest/node:v1.33.1)',
    )
    expect(parseKindStepLine(' ✓ Preparing nodes 📦')?.title).toBe('Preparing nodes')
    expect(parseKindStepLine('Creating cluster "demo" ...')).toBeUndefined()
    expect(parseKindStepLine('Set kubectl context to "kind-demo"')).toBeUndefined()
    expect(parseKindStepLine('')).toBeUndefined()
  })
})

describe('parseKindClusters', () => {
  it('reads names and the empty message', () => {
    expect(parseKindClusters('alpha\nbeta\n')).toEqual(['alpha', 'beta'])
    expect(parseKindClusters('No kind clusters found.\n')).toEqual([])
    expect(parseKindClusters('')).toEqual([])
  })
})

describe('parseKindError', () => {
  it('reads the error and command output', () => {
    const stderr = [
      'Creating cluster "demo" ...',
      ' ✗ Preparing nodes 📦',
      'ERROR: failed to create cluster: command "docker run --name demo-control-plane" failed with error: exit status 125',
      '',
      'Command Output: docker: Error response from daemon: Conflict.',
    ].join('\n')
    expect(parseKindError(stderr)).toEqual({
      message:
        'failed to create cluster: command "docker run --name demo-control-plane" failed with error: exit status 125',
      commandOutput: 'docker: Error response from daemon: Conflict.',
    })
  })

  it('reads a name-taken error without command output', () => {
    const stderr =
      'ERROR: failed to create cluster: node(s) already exist for a cluster with the name "demo"\n'
    expect(parseKindError(stderr)).toEqual({
      message: 'failed to create cluster: node(s) already exist for a cluster with the name "demo"',
    })
    expect(parseKindError('all good')).toBeUndefined()
  })
})

describe('expectedKindSteps', () => {
  it('adds the worker and wait steps only when they apply', () => {
    expect(expectedKindSteps({ workers: 0, wait: false })).toHaveLength(6)
    expect(expectedKindSteps({ workers: 2, wait: true })).toHaveLength(8)
  })
})
