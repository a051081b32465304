import { execa } from 'execa'

// Runs a command on a pseudo-terminal (python3's pty module: Node has none) of a given size, answering each
// expected output with keystrokes, so kubectl's -t paths (raw mode, resize) can be tested for real.
const SCRIPT = String.raw`
import fcntl, json, os, pty, select, struct, sys, termios, time
spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(spec['argv'][0], spec['argv'], {**os.environ, **spec['env']})
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', spec['rows'], spec['cols'], 0, 0))
out = b''
deadline = time.time() + spec['timeout']
def read_until(pattern):
    global out
    while pattern.encode() not in out:
        if time.time() > deadline:
            return False
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            out += chunk
    return True
ok = True
for expect, send in spec['steps']:
    if not read_until(expect):
        ok = False
        break
    os.write(fd, send.encode())
read_until('\x00never')
_, status = os.waitpid(pid, 0)
print(json.dumps({'ok': ok, 'output': out.decode('utf-8', 'replace'), 'exitCode': os.waitstatus_to_exitcode(status)}))
`

export interface PtyResult {
  ok: boolean // every expected output arrived
  output: string
  exitCode: number
}

export async function runOnPty(
  argv: string[],
  opts: {
    env: Record<string, string>
    rows: number
    cols: number
    steps: Array<[string, string]>
    timeoutS?: number
  },
): Promise<PtyResult> {
  const spec = {
    argv,
    env: opts.env,
    rows: opts.rows,
    cols: opts.cols,
    steps: opts.steps,
    timeout: opts.timeoutS ?? 20,
  }
  const r = await execa('python3', ['-c', SCRIPT, JSON.stringify(spec)], {
    timeout: (spec.timeout + 10) * 1000,
  })
  return JSON.parse(String(r.stdout)) as PtyResult
}
