import type { Bridge } from '@shared/contract'
// The client alone: the contract's barrel would bring every zod schema into the first paint.
import { createClient, type ApiClient } from '@shared/contract/client'
import { createHttpBridge } from './http-bridge'
import { markUnauthorised } from './session-auth'
import { browserWebToken } from './web-token'
import { noticeApprovals } from '../exec/notice-approvals'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    bridge?: Bridge
  }
}

/** Electron's preload bridge when present, else web mode's HTTP bridge: views never know which. */
export const api: ApiClient = createClient(
  noticeApprovals(window.bridge ?? createHttpBridge(browserWebToken(), { onRefused: markUnauthorised })),
)
