import type { ObjectApi } from '../api/objects'
import { recordContainerExit } from '../controllers/container-exit'
import { linesBetween, nextLineAt } from '../logs/log-lines'
import { resolveSource } from '../logs/log-server'
import type { ExecConnection } from './channels'
import type { ContainerView } from './container-fs'
import type { StreamFlags } from './exec-session'
import { channelIo, startInteractive } from './exec-session'
import { SHELLS, baseName } from './shell'

// pods/attach: joins the container's main process. A container started with stdin and a shell (`kubectl run
// -it --image=busybox -- sh`) gives that shell; any other streams its output from now on, as its log shows it.
const MIN_TICK_MS = 10

export function serveAttach(
  api: ObjectApi,
  view: ContainerView,
  flags: StreamFlags,
  conn: ExecConnection,
): void {
  const { container } = view
  const command = [...((container.command ?? []) as string[]), ...((container.args ?? []) as string[])]
  const runsShell =
    command.length === 0
      ? /busybox|alpine|ubuntu|debian/.test(container.image)
      : SHELLS.has(baseName(command[0] ?? ''))
  if (container.stdin === true && runsShell && flags.stdin) {
    // attach itself succeeds; the shell's exit code ends the container, where `kubectl run` reads it
    return startInteractive(view, conn, flags, command, (code) => {
      const ns = view.pod.metadata.namespace ?? 'default'
      recordContainerExit(api, ns, view.pod.metadata.name, container.name, code)
      conn.finish({ status: 'Success' })
    })
  }

  const io = channelIo(conn, flags)
  const src = resolveSource(view.pod, container.name, false)
  let last = api.clock.now()
  let cancel: (() => void) | undefined
  const tick = (): void => {
    if (conn.isClosed) return
    const now = api.clock.now()
    const text = linesBetween(src, last, now, undefined, true)
      .map((l) => `${l.text}\n`)
      .join('')
    if (text) io.out(text)
    last = now
    const next = nextLineAt(src, now)
    if (next === undefined) return conn.finish({ status: 'Success' })
    cancel = api.clock.setTimer(Math.max(next - now, MIN_TICK_MS), tick)
  }
  const first = nextLineAt(src, last)
  if (first === undefined) return conn.finish({ status: 'Success' })
  cancel = api.clock.setTimer(Math.max(first - last, MIN_TICK_MS), tick)
  conn.onClose(() => cancel?.())
  // stdin typed into a process that does not read it goes nowhere, as on a real container
  conn.onStdin(() => undefined)
}
