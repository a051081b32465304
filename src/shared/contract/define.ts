import type { z } from 'zod'

/** One request/response method: a zod schema for its input and a phantom for its output type. */
export interface MethodDef<I extends z.ZodType, O> {
  kind: 'method'
  input: I
  /** Type-only; never read at run time. */
  output?: O
}

/** One stream: input schema, and a phantom for the events it yields. */
export interface StreamDef<I extends z.ZodType, E> {
  kind: 'stream'
  input: I
  event?: E
}

export function method<O>(): <I extends z.ZodType>(input: I) => MethodDef<I, O> {
  return (input) => ({ kind: 'method', input })
}

export function stream<E>(): <I extends z.ZodType>(input: I) => StreamDef<I, E> {
  return (input) => ({ kind: 'stream', input })
}
