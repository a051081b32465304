import { badRequest } from '../api/status'
import type { FieldDef, MessageDef } from './protobuf-schema'
import { MESSAGES } from './protobuf-schema'

// Minimal decoder for kubectl's protobuf request bodies ("k8s\0" + runtime.Unknown) into the JSON shape.
// Fields outside the schema are skipped, which is safe for the create commands that send protobuf.
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00])

// Pointer fields (or required ones) where 0 is a real value.
const KEEP_ZERO = new Set([
  'replicas',
  'revisionHistoryLimit',
  'progressDeadlineSeconds',
  'terminationGracePeriodSeconds',
  'containerPort',
  'port',
  'gracePeriodSeconds',
])

class Reader {
  pos = 0
  constructor(readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length
  }
  varint(): number {
    let result = 0
    let shift = 0
    for (;;) {
      const b = this.buf[this.pos++]
      if (b === undefined) throw badRequest('truncated protobuf body')
      result += (b & 0x7f) * 2 ** shift
      if ((b & 0x80) === 0) return result
      shift += 7
    }
  }
  bytes(): Buffer {
    const len = this.varint()
    const out = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }
  skip(wire: number): void {
    if (wire === 0) this.varint()
    else if (wire === 1) this.pos += 8
    else if (wire === 2) this.bytes()
    else if (wire === 5) this.pos += 4
    else throw badRequest(`unsupported protobuf wire type ${wire}`)
  }
}

function toSigned(n: number): number {
  return n >= 2 ** 63 ? n - 2 ** 64 : n
}

function decodeEntry(buf: Buffer, valueType: 'string' | 'bytes' | 'quantity'): [string, string] {
  const r = new Reader(buf)
  let key = ''
  let value = ''
  while (!r.done) {
    const tag = r.varint()
    const field = Math.floor(tag / 8)
    if (field === 1 && tag % 8 === 2) key = r.bytes().toString('utf8')
    else if (field === 2 && tag % 8 === 2) {
      const raw = r.bytes()
      if (valueType === 'bytes') value = raw.toString('base64')
      else if (valueType === 'quantity')
        value = String(decodeMessage(raw, { 1: { name: 's', type: 'string' } }).s ?? '')
      else value = raw.toString('utf8')
    } else r.skip(tag % 8)
  }
  return [key, value]
}

function decodeValue(def: FieldDef, r: Reader, wire: number): unknown {
  const t = def.type
  if (typeof t === 'object') return decodeMessage(r.bytes(), MESSAGES[t.msg] ?? {})
  switch (t) {
    case 'string':
      return r.bytes().toString('utf8')
    case 'bytes':
      return r.bytes().toString('base64')
    case 'int':
      return toSigned(r.varint())
    case 'bool':
      return r.varint() !== 0
    case 'time': {
      const ts = decodeMessage(r.bytes(), { 1: { name: 'seconds', type: 'int' } })
      const seconds = typeof ts.seconds === 'number' ? ts.seconds : 0
      return seconds > 0 ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : null
    }
    case 'intstr': {
      const v = decodeMessage(r.bytes(), {
        1: { name: 'type', type: 'int' },
        2: { name: 'intVal', type: 'int' },
        3: { name: 'strVal', type: 'string' },
      })
      return v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0)
    }
    default:
      r.skip(wire)
      return undefined
  }
}

export function decodeMessage(buf: Buffer, def: MessageDef): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const r = new Reader(buf)
  while (!r.done) {
    const tag = r.varint()
    const field = def[Math.floor(tag / 8)]
    const wire = tag % 8
    if (!field) {
      r.skip(wire)
      continue
    }
    if (field.type === 'map' || field.type === 'mapBytes' || field.type === 'mapQuantity') {
      const kind = field.type === 'map' ? 'string' : field.type === 'mapBytes' ? 'bytes' : 'quantity'
      const [k, v] = decodeEntry(r.bytes(), kind)
      const map = (out[field.name] as Record<string, string> | undefined) ?? {}
      map[k] = v
      out[field.name] = map
      continue
    }
    const value = decodeValue(field, r, wire)
    // gogo-protobuf writes every non-pointer scalar; Go's zero values mean "unset" for defaulting.
    if (!field.repeated && (value === '' || value === false || (value === 0 && !KEEP_ZERO.has(field.name))))
      continue
    if (field.inline && value && typeof value === 'object') Object.assign(out, value)
    else if (field.repeated) out[field.name] = [...((out[field.name] as unknown[] | undefined) ?? []), value]
    else out[field.name] = value
  }
  return out
}

export function isProtobuf(buf: Buffer): boolean {
  return buf.length >= 4 && buf.subarray(0, 4).equals(MAGIC)
}

export function decodeK8sProtobuf(buf: Buffer): Record<string, unknown> {
  const unknown = decodeMessage(buf.subarray(4), MESSAGES.Unknown ?? {})
  const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string }
  const kind = typeMeta.kind ?? ''
  // a kind whose layout differs between versions is keyed by apiVersion too
  const schema = MESSAGES[`${typeMeta.apiVersion ?? ''}/${kind}`] ?? MESSAGES[kind]
  if (!schema || typeof unknown.raw !== 'string') {
    throw badRequest(`the sandbox cannot decode protobuf for kind "${kind}"; send JSON instead`)
  }
  const obj = decodeMessage(Buffer.from(unknown.raw, 'base64'), schema)
  return { apiVersion: typeMeta.apiVersion, kind, ...obj }
}
