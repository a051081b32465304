import type { z } from 'zod'
import type { MethodDef, StreamDef } from './define'
import type { ApiErrorBody, CallResult } from './errors'
import { systemMethods, systemStreams } from './system'
import { resourceMethods, resourceStreams } from './resources'
import { contextMethods, contextStreams } from './contexts'
import { clusterMethods, clusterStreams } from './clusters'
import { actionMethods, actionStreams } from './actions'
import { devLoopMethods } from './dev-loop'
import { apiResourceMethods, apiResourceStreams } from './api-resources'
import { manifestMethods, manifestStreams } from './manifests'
import { sessionMethods, sessionStreams } from './sessions'
import { reconcileMethods, reconcileStreams } from './reconcile'
import { networkStorageMethods } from './network-storage'

export * from './errors'
export * from './system'
export * from './resources'
export * from './contexts'
export * from './clusters'
export * from './actions'
export * from './dev-loop'
export * from './api-resources'
export * from './manifests'
export * from './sessions'
export * from './reconcile'
export * from './network-storage'
export * from './names'
export * from './client'

/** The single declaration of every call the renderer can make. Add a concern's table here. */
export const methods = {
  ...systemMethods,
  ...resourceMethods,
  ...contextMethods,
  ...clusterMethods,
  ...actionMethods,
  ...devLoopMethods,
  ...apiResourceMethods,
  ...manifestMethods,
  ...sessionMethods,
  ...reconcileMethods,
  ...networkStorageMethods,
} as const

/** Every stream the renderer can subscribe to. */
export const streams = {
  ...systemStreams,
  ...resourceStreams,
  ...contextStreams,
  ...clusterStreams,
  ...actionStreams,
  ...apiResourceStreams,
  ...manifestStreams,
  ...sessionStreams,
  ...reconcileStreams,
} as const satisfies Record<string, StreamDef<z.ZodType, unknown>>

export type Methods = typeof methods
export type Streams = typeof streams
export type MethodName = keyof Methods & string
export type StreamName = keyof Streams & string

export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = Methods[M] extends MethodDef<z.ZodType, infer O> ? O : never

type StreamEntry<S extends StreamName> = Streams[S] extends StreamDef<z.ZodType, unknown> ? Streams[S] : never
export type StreamInput<S extends StreamName> = z.input<StreamEntry<S>['input']>
export type ParsedStreamInput<S extends StreamName> = z.output<StreamEntry<S>['input']>
export type StreamEvent<S extends StreamName> =
  StreamEntry<S> extends StreamDef<z.ZodType, infer E> ? E : never

/** What both transports hand to the renderer (window.bridge in Electron, the HTTP client in web mode). */
export interface Bridge {
  call(method: string, input: unknown): Promise<CallResult<unknown>>
  subscribe(
    stream: string,
    input: unknown,
    onEvent: (event: unknown) => void,
    onEnd: (error?: ApiErrorBody) => void,
  ): () => void
  readonly transport: 'electron' | 'web'
}
