import { z } from 'zod'
import { method, stream } from './define'
import { contextName, dns1123Label, dns1123Subdomain } from './names'
export * from './session-limits'
import { EXEC_INPUT_MAX } from './session-limits'

// Interactive sessions (a shell in a container) and port forwards. A session is a stream (output, then its
// exit) plus two methods that feed it (input, resize), keyed by the id its first event carries. It lives as
// long as the stream: closing the window or the page ends it like any other stream.

/** Port forwards one backend keeps at once. */
export const FORWARDS_MAX = 64
/** How long a pop-out ticket may wait for its new window or tab to claim it. */
export const HANDOFF_TTL_MS = 30_000

const sessionId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a session id')
const ticket = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'is not a terminal ticket')
const terminalSize = {
  cols: z.number().int().min(2).max(1000),
  rows: z.number().int().min(1).max(500),
}

/** Which container a session runs in (sent to a window that takes a session over). */
export interface ExecTargetInfo {
  context?: string
  namespace: string
  pod: string
  container: string
  mode: 'exec' | 'attach'
}

export type ExecEvent =
  /**
   * First event: the id `exec.input`/`exec.resize` take, and the command that runs (after shell detection).
   * `resumed`: this page takes over a running session; the recent output follows, so clear the screen first.
   * The id changes on every move, so only the page showing the terminal can type into it.
   */
  | { type: 'started'; session: string; command: string[]; resumed?: boolean; target?: ExecTargetInfo }
  /** The session moved to another window or tab; this stream stays, and `exec.recall` brings it back. */
  | { type: 'moved' }
  /** Terminal output, UTF-8 (stdout and stderr together, as a TTY shows them). */
  | { type: 'output'; data: string }
  /** Last event: the exit code when the command ended by itself, and a sentence saying how it ended. */
  | { type: 'exit'; code?: number; message: string }

export interface PortForward {
  id: string
  context?: string
  namespace: string
  /** What the person asked to forward: a pod, or a Service (forwarded to one of its ready pods). */
  target: { kind: 'pod' | 'service'; name: string }
  /** The port asked for on the target (a Service's port, or a container port). */
  remotePort: number
  /** The container port reached on the pod now. */
  podPort: number
  /** The pod carrying the traffic now. */
  pod: string
  localPort: number
  /** `http://127.0.0.1:<localPort>`: forwards bind the loopback address only. */
  url: string
  state: 'active' | 'reconnecting' | 'failed'
  /** What happened last, in words: "Moved to pod web-2 after web-1 went away", or the cause of a failure. */
  message?: string
  connections: number
  startedAt: number
}

/** A port a pod or Service offers for forwarding, as the forward buttons list them. */
export interface ForwardablePort {
  port: number
  /** The port's name, and for a pod the container that declares it. */
  name?: string
  container?: string
  protocol: string
  /** A Service port's target on the pods (a number or a container port's name). */
  targetPort?: string
}

const execTarget = {
  context: contextName.optional(),
  namespace: dns1123Label,
  pod: dns1123Subdomain,
  container: dns1123Label,
}

export const sessionMethods = {
  'exec.input': method<{ accepted: number }>()(
    z.strictObject({ session: sessionId, data: z.string().min(1).max(EXEC_INPUT_MAX) }),
  ),
  'exec.resize': method<{ ok: true }>()(z.strictObject({ session: sessionId, ...terminalSize })),
  /**
   * Pops a running session out into its own window (Electron: the backend opens it) or tab (web mode: the
   * page opens it with the ticket). The ticket is single-use, short-lived and moves only this session.
   */
  'exec.popout': method<{ opened: true } | { opened: false; ticket: string; expiresAt: number }>()(
    z.strictObject({ session: sessionId }),
  ),
  /** Brings a session that moved away back to the stream it moved from (named by that stream's last id). */
  'exec.recall': method<{ ok: true }>()(z.strictObject({ session: sessionId })),
  'ports.start': method<PortForward>()(
    z.strictObject({
      context: contextName.optional(),
      namespace: dns1123Label,
      target: z.strictObject({ kind: z.enum(['pod', 'service']), name: dns1123Subdomain }),
      port: z.number().int().min(1).max(65535),
      /** A free port is chosen when absent. Ports below 1024 need privileges a desktop app should not have. */
      localPort: z.number().int().min(1024).max(65535).optional(),
    }),
  ),
  'ports.candidates': method<ForwardablePort[]>()(
    z.strictObject({
      context: contextName.optional(),
      namespace: dns1123Label,
      target: z.strictObject({ kind: z.enum(['pod', 'service']), name: dns1123Subdomain }),
    }),
  ),
  'ports.stop': method<{ stopped: boolean }>()(z.strictObject({ id: z.string().min(1).max(64) })),
  'ports.list': method<PortForward[]>()(z.strictObject({})),
}

export const sessionStreams = {
  /**
   * A shell (or `command`) in a container, or `attach` to its main process. Without `command`, bash is tried
   * and then sh. Only ever opened from a person's click in the UI.
   */
  'exec.session': stream<ExecEvent>()(
    z.strictObject({
      ...execTarget,
      mode: z.enum(['exec', 'attach']).default('exec'),
      command: z.array(z.string().min(1).max(4096)).min(1).max(64).optional(),
      tty: z.boolean().default(true),
      ...terminalSize,
    }),
  ),
  /**
   * Takes over a running session with a pop-out ticket: `started` (resumed), the recent output, then the
   * live stream. Never starts a command: a refused ticket ends the stream with the reason.
   */
  'exec.claim': stream<ExecEvent>()(z.strictObject({ ticket })),
  /** Every port forward, sent whole on each change (a handful of rows). */
  'ports.watch': stream<PortForward[]>()(z.strictObject({})),
}
