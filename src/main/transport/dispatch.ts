import type { z } from 'zod'
import {
  ApiError,
  methods,
  streams,
  type ApiErrorBody,
  type Bridge,
  type CallResult,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type ParsedStreamInput,
  type StreamEvent,
  type StreamName,
} from '@shared/contract'
import { toApiError as mapError } from '../errors/policy'
import type { Foreground } from '../util/foreground'
import { trackLive } from '../util/live-counts'
import { redactSecrets } from '../util/redact-secrets'

/** The services behind each method; the dispatcher calls them only with validated input. */
export type MethodHandlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> }

/** Stream handlers are async generators; `return()` (unsubscribe) runs their `finally`. */
export type StreamHandlers = {
  [S in StreamName]: (input: ParsedStreamInput<S>, signal: AbortSignal) => AsyncIterable<StreamEvent<S>>
}

/** The backend's side of the Bridge the renderer holds: the same call/subscribe, for every transport. */
export interface Dispatcher extends Omit<Bridge, 'transport'> {
  /** Number of live subscriptions; tests use it to prove nothing leaks. */
  activeSubscriptions(): number
}

/** Bigger inputs are refused before parsing: no method needs more than this. */
const MAX_INPUT_BYTES = 1_000_000

/**
 * `foreground` is told of the work a page waits for (each call until it answers, each subscription until its
 * first event or end), for every transport alike, so background work can step aside (kube/prewarm.ts).
 */
export function createDispatcher(
  handlers: MethodHandlers,
  streamHandlers: StreamHandlers,
  log: (message: string) => void = () => {},
  foreground?: Pick<Foreground, 'begin'>,
): Dispatcher {
  let live = 0

  return {
    async call(name, input) {
      if (typeof name !== 'string' || !Object.hasOwn(methods, name)) {
        return fail(new ApiError('UnknownMethod', `There is no method called "${clip(String(name))}".`))
      }
      const m = name as MethodName
      const parsed = validate(methods[m].input, input)
      if (!parsed.ok) return parsed
      const done = foreground?.begin()
      try {
        const handler = handlers[m] as (input: unknown) => Promise<unknown>
        return { ok: true, value: await handler(parsed.value) }
      } catch (err) {
        return fail(toApiError(err, log, m))
      } finally {
        done?.()
      }
    },

    subscribe(name, input, onEvent, onEnd) {
      if (typeof name !== 'string' || !Object.hasOwn(streams, name)) {
        onEnd(new ApiError('UnknownMethod', `There is no stream called "${clip(String(name))}".`).toBody())
        return () => {}
      }
      const s = name as StreamName
      const parsed = validate(streams[s].input, input)
      if (!parsed.ok) {
        onEnd(parsed.error)
        return () => {}
      }
      const abort = new AbortController()
      const setUp = foreground?.begin()
      const handler = streamHandlers[s] as (input: unknown, signal: AbortSignal) => AsyncIterable<unknown>
      const iterator = handler(parsed.value, abort.signal)[Symbol.asyncIterator]()
      let ended = false
      live++
      const untrack = trackLive(`streams: ${s}`)
      const finish = (error?: ApiErrorBody): void => {
        if (ended) return
        ended = true
        setUp?.()
        live--
        untrack()
        onEnd(error)
      }
      void (async () => {
        try {
          for (;;) {
            const next = await iterator.next()
            if (next.done || abort.signal.aborted) break
            setUp?.() // set up: its first event is out
            onEvent(next.value)
          }
          finish()
        } catch (err) {
          finish(abort.signal.aborted ? undefined : redactBody(toApiError(err, log, s).toBody()))
        }
      })()
      return () => {
        if (abort.signal.aborted) return
        abort.abort()
        // return() runs the generator's finally (kill child, close watch) even while it awaits.
        void iterator.return?.(undefined).catch(() => {})
        finish()
      }
    },

    activeSubscriptions: () => live,
  }
}

function validate(schema: z.ZodType, input: unknown): CallResult<unknown> {
  let size: number
  try {
    size = JSON.stringify(input ?? null).length
  } catch {
    return fail(new ApiError('BadInput', 'The request could not be read (it is not plain JSON data).'))
  }
  if (size > MAX_INPUT_BYTES) {
    return fail(
      new ApiError('BadInput', `The request is too large (${size} bytes; the limit is ${MAX_INPUT_BYTES}).`),
    )
  }
  const result = schema.safeParse(input === undefined ? {} : input)
  if (result.success) return { ok: true, value: result.data }
  const issues = result.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(input)',
    message: i.message,
  }))
  const first = issues[0]
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input'
  return fail(new ApiError('BadInput', `The request was refused: ${summary}.`, issues))
}

/** The error policy maps what escapes a handler; unexpected failures are also logged here in full. */
function toApiError(err: unknown, log: (message: string) => void, where: string): ApiError {
  const mapped = mapError(err)
  if (mapped.code === 'Internal' && !(err instanceof ApiError)) {
    log(redactSecrets(`${where} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`))
  }
  return mapped
}

function fail(error: ApiError): { ok: false; error: ApiErrorBody } {
  return { ok: false, error: redactBody(error.toBody()) }
}

/** Error texts may quote kubeconfig lines or a tool's output: no credential leaves the backend in one. */
function redactBody(body: ApiErrorBody): ApiErrorBody {
  return { ...body, message: redactSecrets(body.message) }
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}
