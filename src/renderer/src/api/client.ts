// The client alone: the contract's barrel would bring every zod schema into the first paint.
import { createClient, type ApiClient } from '@shared/contract/client'
import { createPageBridge } from './page-bridge'
import { noticeApprovals } from '../exec/notice-approvals'

const page = createPageBridge(window.bridge, window.skiffEarly)

/** Electron's preload bridge when present, else web mode's HTTP bridge: views never know which. */
export const api: ApiClient = createClient(noticeApprovals(page.bridge))

/**
 * Web mode: the address of a new tab of this app at `route`, carrying the token the way the first page got
 * it (in the fragment, which no server, log or Referer ever sees; the new page drops it from its address).
 */
export function tabAddress(route: string): string {
  const { pathname, search } = window.location
  return `${pathname}${search}#${page.token ? `token=${page.token}&` : ''}${route}`
}
