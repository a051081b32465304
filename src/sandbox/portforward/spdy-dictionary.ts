import { createRequire } from 'node:module'

// The SPDY/3 header-compression dictionary (a constant of the protocol), taken from spdy-transport rather than
// copied by hand: one wrong byte and every header block kubectl sends fails to inflate.
const require = createRequire(import.meta.url)
const dictionaries = require('spdy-transport/lib/spdy-transport/protocol/spdy/dictionary.js') as Record<
  string,
  Buffer
>

export const SPDY3_DICTIONARY: Buffer = (() => {
  const d = dictionaries['3']
  if (!Buffer.isBuffer(d)) throw new Error('spdy-transport no longer ships the SPDY/3 dictionary')
  return d
})()
