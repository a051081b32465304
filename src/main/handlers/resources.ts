import type { z } from 'zod'
import type { MethodDef } from '@shared/contract/define'
import type { ResourceEvent, resourceMethods, resourceStreams } from '@shared/contract/resources'
import type { KubeService } from '../kube/service'

type Methods = typeof resourceMethods
type OutputOf<M extends keyof Methods> = Methods[M] extends MethodDef<z.ZodType, infer O> ? O : never

/** Same shape as the dispatcher's MethodHandlers, for the resource methods only. */
export type ResourceMethodHandlers = {
  [M in keyof Methods]: (input: z.output<Methods[M]['input']>) => Promise<OutputOf<M>>
}

export type ResourceStreamHandlers = {
  'resources.watch': (
    input: z.output<(typeof resourceStreams)['resources.watch']['input']>,
    signal: AbortSignal,
  ) => AsyncIterable<ResourceEvent>
}

/** The resource contract's handlers, to spread into backend.ts's method and stream tables. */
export function createResourceHandlers(svc: KubeService): {
  methods: ResourceMethodHandlers
  streams: ResourceStreamHandlers
} {
  return {
    methods: {
      'resources.detail': (input) => svc.detail(input),
      'resources.yaml': (input) => svc.yaml(input),
      'resources.events': (input) => svc.events(input),
      'resources.delete': (input) => svc.delete(input),
      'secrets.reveal': (input) => svc.revealSecret(input),
      'namespaces.create': (input) => svc.createNamespace(input),
    },
    streams: {
      'resources.watch': (input, signal) => svc.watch(input, signal),
    },
  }
}
