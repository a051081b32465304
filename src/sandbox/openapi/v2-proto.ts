import { stringify } from 'yaml'

// /openapi/v2 as client-go asks for it: gnostic's openapi_v2.Document in protobuf
// (Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf). Only what the schemas use is encoded:
// Document{swagger=1, info=2, paths=8, definitions=9}; Schema{_ref=1, format=2, description=4,
// required=19, additional_properties=21, type=22, items=23, properties=25, vendor_extension=31}.
// The response names it without the "@", which Go's mime parser refuses, as kube-openapi's handler does.
export const V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'

function varint(n: number): Buffer {
  const bytes: number[] = []
  let v = n
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80)
    v = Math.floor(v / 128)
  }
  bytes.push(v)
  return Buffer.from(bytes)
}

function field(num: number, payload: Buffer): Buffer {
  return Buffer.concat([varint(num * 8 + 2), varint(payload.length), payload])
}

const str = (num: number, s: string): Buffer => field(num, Buffer.from(s, 'utf8'))

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function namedSchemas(props: Json): Buffer {
  return Buffer.concat(
    Object.entries(props).map(([name, value]) =>
      field(1, Buffer.concat([str(1, name), field(2, schema(value))])),
    ),
  )
}

function schema(value: unknown): Buffer {
  if (!isObj(value)) return Buffer.alloc(0)
  const parts: Buffer[] = []
  if (typeof value.$ref === 'string') parts.push(str(1, value.$ref))
  if (typeof value.format === 'string') parts.push(str(2, value.format))
  if (typeof value.description === 'string') parts.push(str(4, value.description))
  if (Array.isArray(value.required)) for (const r of value.required) parts.push(str(19, String(r)))
  if (isObj(value.additionalProperties)) parts.push(field(21, field(1, schema(value.additionalProperties))))
  if (typeof value.type === 'string') parts.push(field(22, str(1, value.type)))
  if (isObj(value.items)) parts.push(field(23, field(1, schema(value.items))))
  if (isObj(value.properties)) parts.push(field(25, namedSchemas(value.properties)))
  for (const [k, v] of Object.entries(value)) {
    if (!k.startsWith('x-')) continue
    // NamedAny{name=1, value=Any{yaml=2}}: extensions travel as YAML text
    parts.push(field(31, Buffer.concat([str(1, k), field(2, str(2, stringify(v)))])))
  }
  return Buffer.concat(parts)
}

export function encodeV2Document(doc: Json): Buffer {
  const info = isObj(doc.info) ? doc.info : {}
  const definitions = isObj(doc.definitions) ? doc.definitions : {}
  return Buffer.concat([
    str(1, String(doc.swagger ?? '2.0')),
    field(2, Buffer.concat([str(1, String(info.title ?? '')), str(2, String(info.version ?? ''))])),
    field(8, Buffer.alloc(0)),
    field(9, namedSchemas(definitions)),
  ])
}
