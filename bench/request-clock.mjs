// Preloaded into a bench web backend (`node --import ./bench/request-clock.mjs`, profile-cold.ts --request-clock):
// when each HTTP request arrived, when its response finished, and when each write to an event stream left,
// in µs of the monotonic clock (the clock CDP's timestamps use), one JSON line each to $REQUEST_CLOCK_FILE.
// Diagnostics only: it lets the page's request timeline be split into the backend's part and the rest.
import http from 'node:http'
import { appendFileSync } from 'node:fs'
const file = process.env.REQUEST_CLOCK_FILE
const now = () => Number(process.hrtime.bigint() / 1000n)
const log = (o) => file && appendFileSync(file, JSON.stringify(o) + '\n')
const emit = http.Server.prototype.emit
http.Server.prototype.emit = function (event, req, res) {
  if (event === 'request') {
    const url = req.url.split('?')[0]
    log({ t: now(), what: 'recv', url })
    res.once('finish', () => log({ t: now(), what: 'finish', url }))
    if (url === '/api/events') {
      const write = res.write
      res.write = function (chunk, ...rest) {
        log({ t: now(), what: 'write', url, bytes: chunk.length, head: String(chunk).slice(0, 80) })
        return write.call(this, chunk, ...rest)
      }
    }
  }
  return emit.apply(this, arguments)
}
