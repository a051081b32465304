import { describe, expect, it } from 'vitest'
import { minikubeState, parseMinikubeEvent, parseMinikubeVersion, parseProfileList } from './minikube-parse'

// Recorded examples from cli-spec.md.
const STEP =
  '{"data":{"currentstep":"0","message":"minikube v1.36.0 on Debian 12","name":"Initial Minikube Setup","totalsteps":"19"},"datacontenttype":"application/json","id":"4f9c1d8e","source":"https://minikube.sigs.k8s.io/","specversion":"1.0","type":"io.k8s.sigs.minikube.step"}'
const ERROR =
  '{"data":{"advice":"Restart Docker","exitcode":"63","issues":"","message":"Exiting due to PROVIDER_DOCKER_NOT_RUNNING: \\"docker version\\" exit status 1","name":"PROVIDER_DOCKER_NOT_RUNNING","url":"https://minikube.sigs.k8s.io/docs/drivers/docker/"},"datacontenttype":"application/json","id":"x","source":"https://minikube.sigs.k8s.io/","specversion":"1.0","type":"io.k8s.sigs.minikube.error"}'
const PROFILES =
  '{"invalid":[],"valid":[{"Name":"demo","Status":"Running","Config":{"Name":"demo","Driver":"docker","CPUs":2,"Memory":4000,"KubernetesConfig":{"KubernetesVersion":"v1.33.1","ClusterName":"demo","ContainerRuntime":"docker"},"Nodes":[{"Name":"","IP":"192.168.49.2","Port":8443,"KubernetesVersion":"v1.33.1","ContainerRuntime":"docker","ControlPlane":true,"Worker":true}]},"Active":false,"ActiveKubeContext":true}]}'

describe('parseMinikubeVersion', () => {
  it('reads json and plain output', () => {
    expect(parseMinikubeVersion('{"commit":"abc","minikubeVersion":"v1.36.0"}')).toEqual({
      version: 'v1.36.0',
      commit: 'abc',
    })
    expect(parseMinikubeVersion('minikube version: v1.36.0\ncommit: abc\n')).toEqual({ version: 'v1.36.0' })
    expect(parseMinikubeVersion('{{garbage')).toBeUndefined()
    expect(parseMinikubeVersion('{"commit":"abc"}')).toBeUndefined()
  })
})

describe('parseProfileList', () => {
  it('reads a valid profile', () => {
    expect(parseProfileList(PROFILES)).toEqual({
      ok: true,
      profiles: [
        {
          name: 'demo',
          valid: true,
          status: 'Running',
          state: 'running',
          driver: 'docker',
          kubernetesVersion: 'v1.33.1',
          nodeCount: 1,
        },
      ],
    })
  })

  it('reads invalid profiles and empty lists', () => {
    const r = parseProfileList('{"invalid":[{"Name":"broken","Status":"","Config":null}],"valid":[]}')
    expect(r).toEqual({
      ok: true,
      profiles: [{ name: 'broken', valid: false, status: '', state: 'unknown' }],
    })
    expect(parseProfileList('{"invalid":[],"valid":[]}')).toEqual({ ok: true, profiles: [] })
  })

  it('reports an error object and non-JSON', () => {
    expect(parseProfileList('{"error":{"Err":"loading profiles: permission denied"}}')).toEqual({
      ok: false,
      error: 'loading profiles: permission denied',
    })
    expect(parseProfileList('\u0000 nope').ok).toBe(false)
  })

  it('maps statuses to states', () => {
    expect(['OK', 'Running', 'Stopped', 'Paused', 'Starting', 'Skipped', 'Error'].map(minikubeState)).toEqual(
      ['running', 'running', 'stopped', 'paused', 'unknown', 'unknown', 'unknown'],
    )
  })
})

describe('parseMinikubeEvent', () => {
  it('reads a step event with string numbers', () => {
    expect(parseMinikubeEvent(STEP)).toEqual({
      kind: 'step',
      current: 0,
      total: 19,
      name: 'Initial Minikube Setup',
      message: 'minikube v1.36.0 on Debian 12',
    })
  })

  it('reads an error event with advice and exit code', () => {
    expect(parseMinikubeEvent(ERROR)).toEqual({
      kind: 'error',
      message: 'Exiting due to PROVIDER_DOCKER_NOT_RUNNING: "docker version" exit status 1',
      exitCode: 63,
      reason: 'PROVIDER_DOCKER_NOT_RUNNING',
      advice: 'Restart Docker',
      url: 'https://minikube.sigs.k8s.io/docs/drivers/docker/',
    })
  })

  it('reads info, warning and download events', () => {
    const ev = (type: string, data: object): string =>
      JSON.stringify({ type: `io.k8s.sigs.minikube.${type}`, data })
    expect(parseMinikubeEvent(ev('info', { message: 'hi' }))).toEqual({ kind: 'info', message: 'hi' })
    expect(parseMinikubeEvent(ev('warning', { message: 'low' }))).toEqual({ kind: 'warning', message: 'low' })
    expect(
      parseMinikubeEvent(
        ev('download.progress', { currentstep: '2', totalsteps: '19', artifact: 'kic', progress: '0.5' }),
      ),
    ).toEqual({ kind: 'download', current: 2, total: 19, artifact: 'kic', progress: '0.5' })
  })

  it('ignores human text, garbage and foreign JSON', () => {
    expect(parseMinikubeEvent('😄  minikube v1.36.0 on Debian 12')).toBeUndefined()
    expect(parseMinikubeEvent('{not json')).toBeUndefined()
    expect(parseMinikubeEvent('{"type":"something.else","data":{}}')).toBeUndefined()
  })
})
