import type { Dispatcher } from '../transport/dispatch'

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  /** Registers what Ctrl-C does while a watch runs. */
  onInterrupt: (stop: () => void) => void
  methodNames: string[]
  streamNames: string[]
}

const usage = `Usage:
  npm run cli -- call <method> ['<json input>']    prints the JSON result; exit 1 on an error
  npm run cli -- watch <stream> ['<json input>']   prints events as JSON lines until Ctrl-C`

/** Returns the process exit code: 0 ok, 1 the call failed, 2 the command line was wrong. */
export async function runCli(argv: string[], dispatcher: Dispatcher, io: CliIo): Promise<number> {
  const [verb, name, json] = argv
  if ((verb !== 'call' && verb !== 'watch') || !name) {
    io.err(usage)
    io.err(`Methods: ${io.methodNames.join(', ')}`)
    io.err(`Streams: ${io.streamNames.join(', ')}`)
    return 2
  }
  let input: unknown = {}
  if (json !== undefined) {
    try {
      input = JSON.parse(json)
    } catch (e) {
      io.err(`The input is not valid JSON: ${(e as Error).message}`)
      return 2
    }
  }

  if (verb === 'call') {
    const result = await dispatcher.call(name, input)
    if (result.ok) {
      io.out(JSON.stringify(result.value, null, 2))
      return 0
    }
    io.err(JSON.stringify(result.error, null, 2))
    return 1
  }

  return new Promise<number>((resolve) => {
    const stop = dispatcher.subscribe(
      name,
      input,
      (event) => io.out(JSON.stringify(event)),
      (error) => {
        if (error) io.err(JSON.stringify(error))
        resolve(error ? 1 : 0)
      },
    )
    io.onInterrupt(() => {
      stop()
      resolve(0)
    })
  })
}
