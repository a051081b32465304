import type { ContainerSpec } from '../types'

// What a run-to-completion container prints, read from its command: `echo`/`printf` text, `date`, Python's
// and Perl's `print`, and the Job tutorial's `perl -Mbignum=bpi -wle 'print bpi(2000)'` (real digits of π).
function unquote(text: string): string {
  const t = text.trim()
  const m = /^(['"])([\s\S]*)\1$/.exec(t)
  return (m ? m[2] : t) ?? ''
}

// π to `digits` significant digits (Machin's formula in BigInt fixed point), as bignum's bpi prints it.
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.min(digits, 10_000))
  const scale = 10n ** BigInt(n + 10)
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n
    let term = scale / x
    const x2 = x * x
    for (let k = 0n; term !== 0n; k++) {
      sum += (k % 2n === 0n ? 1n : -1n) * (term / (2n * k + 1n))
      term /= x2
    }
    return sum
  }
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n))
  const text = (pi / 10n ** 10n).toString() // n+1 digits: "31415…"
  const rounded = text.slice(0, n)
  return `${rounded.slice(0, 1)}.${rounded.slice(1)}`
}

function dateText(ms: number): string {
  const d = new Date(ms)
  const day = d.toUTCString().slice(0, 3)
  const mon = d.toUTCString().slice(8, 11)
  const pad = (v: number): string => String(v).padStart(2, '0')
  return `${day} ${mon} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}

export interface ScriptLine {
  offsetMs: number // after the container started: the `sleep`s before it
  text: string
}

export function scriptOutput(c: ContainerSpec, startedAt: number): ScriptLine[] {
  const words = [c.command, c.args].flatMap((v) => (Array.isArray(v) ? v.map(String) : []))
  const text = words.join(' ')
  const bpi = /bpi\((\d+)\)/.exec(text)
  if (bpi) return [{ offsetMs: 0, text: piDigits(Number(bpi[1])) }]
  // the script a shell would run: `sh -c '<script>'` or the words themselves
  const script =
    words[0] && /(^|\/)(ba)?sh$/.test(words[0]) && words[1] === '-c' ? words.slice(2).join(' ') : text
  const out: ScriptLine[] = []
  let offsetMs = 0
  const say = (text: string): number => out.push({ offsetMs, text })
  for (const step of script.split(/;|&&|\|\||\n/)) {
    const s = step.trim()
    const sleep = /^sleep\s+(\d+(?:\.\d+)?)$/.exec(s)
    if (sleep) offsetMs += Number(sleep[1]) * 1000
    const echo = /^(?:echo|printf)\s+([\s\S]*)$/.exec(s)
    if (echo) say(unquote(echo[1] ?? '').replace(/\\n$/, ''))
    else if (/^date(\s|$)/.test(s)) say(dateText(startedAt + offsetMs))
    else {
      const print = /print\s*\(?\s*(['"])(.*?)\1/.exec(s)
      if (print) say(print[2] ?? '')
    }
  }
  return out
}
