import type { Bridge } from '@shared/contract'
import { needsExecApproval } from './exec-approval-store'

/**
 * Wraps the bridge so any call or stream refused with NeedsApproval opens the one approval dialog, whichever
 * view made it. The import form handles its own (it shows the file's commands before sending).
 */
export function noticeApprovals(bridge: Bridge): Bridge {
  return {
    transport: bridge.transport,
    async call(method, input) {
      const result = await bridge.call(method, input)
      if (!result.ok && result.error.code === 'NeedsApproval' && method !== 'contexts.import')
        needsExecApproval(result.error.message)
      return result
    },
    subscribe(stream, input, onEvent, onEnd) {
      return bridge.subscribe(stream, input, onEvent, (error) => {
        if (error?.code === 'NeedsApproval') needsExecApproval(error.message)
        onEnd(error)
      })
    },
  }
}
