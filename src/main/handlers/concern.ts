import type { MethodName, StreamName } from '@shared/contract'
import type { MethodHandlers, StreamHandlers } from '../transport/dispatch'

/**
 * The handlers of one contract concern, typed from that concern's tables in src/shared/contract: pass
 * `typeof contextMethods, typeof contextStreams` and every method of the table must be handled, with its
 * parsed input and its output type, and nothing else may be.
 */
export interface ConcernHandlers<Ms extends object, Ss extends object> {
  methods: Pick<MethodHandlers, keyof Ms & MethodName>
  streams: Pick<StreamHandlers, keyof Ss & StreamName>
}
