import type { ObjectRef } from '@shared/contract'

/** An object and the context it lives in: the input of every per-object call. */
export type Target = ObjectRef & { context?: string }
