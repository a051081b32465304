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

// Read once, before anything else looks at the address: it also drops the token from the address bar.
const token = window.bridge ? undefined : browserWebToken()

/** Electron's preload bridge when present, else web mode's HTTP bridge: views never know which. */
export const api: ApiClient = createClient(
  noticeApprovals(window.bridge ?? createHttpBridge(token, { onRefused: markUnauthorised })),
)

/**
 * Web mode: the address of a new tab of this app at `route`, carrying the token the way the first page got
 * it (in the fragment, which no server, log or Referer ever sees; the new page drops it from its address).
 */
export function tabAddress(route: string): string {
  const { pathname, search } = window.location
  return `${pathname}${search}#${token ? `token=${token}&` : ''}${route}`
}
