// resource.Quantity text → numbers: CPU in millicores, everything else in base units (bytes, counts).
const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
}
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
}

export function quantityValue(q: unknown): number {
  if (typeof q === 'number') return q
  if (typeof q !== 'string') return 0
  const m = /^([+-]?\d*\.?\d+)(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(q.trim())
  if (!m) return 0
  const base = Number(m[1]) * (m[2] ? 10 ** Number(m[2]) : 1)
  const suffix = m[3] ?? ''
  return base * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1)
}

export function milliValue(q: unknown): number {
  return Math.round(quantityValue(q) * 1000)
}
