import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { methods, streams, type ApiErrorBody, type CallResult } from '@shared/contract'
import { createDispatcher } from '../../src/main/transport/dispatch'
import { hostileArbitrary, type HostileCase } from './hostile'
import { recordingHandlers } from './recording-handlers'
import { validArbitrary } from './schema-arbitrary'

// A fixed seed keeps runs repeatable; FUZZ_SEED=<n> explores other inputs.
const SEED = Number(process.env.FUZZ_SEED ?? 20261125)
fc.configureGlobal({ seed: SEED })
// Property-based runs of hostile, random and valid inputs for every method and stream of the contract,
// through the real dispatcher. Services are recorders: a hostile input that reaches one fails the test.
const RUNS = { hostile: 150, random: 40, valid: 40 }
const MAX_INPUT_BYTES = 1_000_000
const tally = { tried: 0, refused: 0, reached: 0, freeTextPassed: new Set<string>() }

afterAll(() => {
  console.log(
    `[contract fuzz] seed ${SEED}, ${Object.keys(methods).length} methods + ${Object.keys(streams).length} streams: ` +
      `${tally.tried} inputs tried, ${tally.refused} refused as BadInput, ${tally.reached} reached a recorder` +
      ` (valid, or hostile text in free-text fields: ${[...tally.freeTextPassed].sort().join(', ') || 'none'})`,
  )
})

/** What the schema alone says, with the dispatcher's size cap; only asked for inputs that may be valid. */
function oracle(schema: z.ZodType, input: unknown): { ok: boolean; data?: unknown } {
  const size = JSON.stringify(input ?? null)?.length ?? Infinity
  if (size > MAX_INPUT_BYTES) return { ok: false }
  const r = schema.safeParse(input === undefined ? {} : input)
  return r.success ? { ok: true, data: r.data } : { ok: false }
}

function expectReadableRefusal(error: ApiErrorBody | undefined): void {
  expect(error?.code).toBe('BadInput')
  expect(error?.message).toMatch(/^The request (was refused|is too large|could not be read)/)
  expect(error?.message).not.toMatch(/\n\s+at /)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

type Outcome = { ok: true; received: unknown[] } | { ok: false; error?: ApiErrorBody; received: unknown[] }

function checkCase(schema: z.ZodType, name: string, c: HostileCase, outcome: Outcome): void {
  tally.tried++
  const expected = c.mustReject ? { ok: false } : oracle(schema, c.input)
  expect(outcome.ok, c.what).toBe(expected.ok)
  if (!outcome.ok) {
    tally.refused++
    expectReadableRefusal(outcome.error)
    expect(outcome.received, `${name}: ${c.what} reached the service`).toEqual([])
  } else {
    tally.reached++
    if (c.what.startsWith('hostile string'))
      tally.freeTextPassed.add(`${name}:${c.what.split(' at ')[1]?.replace(/^(renames\.\w+)\..*/, '$1.*')}`)
    expect(outcome.received).toEqual([expected.data])
  }
}

/** Polls on the event loop (not on a 50 ms timer): thousands of stream cases must stay fast. */
async function until(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((r) => setImmediate(r))
  }
}

const asCase =
  (what: string) =>
  (input: unknown): HostileCase => ({ input, mustReject: false, what })
const random = fc.oneof(fc.anything(), fc.jsonValue(), fc.object()).map(asCase('random value'))

describe('contract fuzzing: every method through the real dispatcher', () => {
  for (const [name, def] of Object.entries(methods)) {
    it(name, async () => {
      const schema = def.input as z.ZodType
      const rec = recordingHandlers()
      const dispatcher = createDispatcher(rec.handlers, rec.streamHandlers)
      const run = async (c: HostileCase): Promise<void> => {
        rec.calls.length = 0
        const r: CallResult<unknown> = await dispatcher.call(name, c.input)
        const received = rec.calls.map((call) => call.input)
        checkCase(schema, name, c, r.ok ? { ok: true, received } : { ok: false, error: r.error, received })
      }
      const before = tally.tried
      await fc.assert(fc.asyncProperty(hostileArbitrary(schema), run), { numRuns: RUNS.hostile })
      await fc.assert(fc.asyncProperty(random, run), { numRuns: RUNS.random })
      // Valid-shaped inputs must reach the service: otherwise a dispatcher that refuses everything would pass.
      let valid = 0
      await fc.assert(
        fc.asyncProperty(validArbitrary(schema), async (input) => {
          await run({ input, mustReject: false, what: 'valid' })
          expect(rec.calls).toHaveLength(1)
          valid++
        }),
        { numRuns: RUNS.valid },
      )
      expect(valid).toBe(RUNS.valid)
      console.log(`[contract fuzz] ${name}: ${tally.tried - before} inputs`)
    })
  }
})

describe('contract fuzzing: every stream through the real dispatcher', () => {
  for (const [name, def] of Object.entries(streams)) {
    it(name, async () => {
      const schema = def.input as z.ZodType
      const rec = recordingHandlers()
      const dispatcher = createDispatcher(rec.handlers, rec.streamHandlers)
      const run = async (c: HostileCase): Promise<void> => {
        rec.calls.length = 0
        const ends: (ApiErrorBody | undefined)[] = []
        const events: unknown[] = []
        const finishedBefore = rec.finished()
        const stop = dispatcher.subscribe(
          name,
          c.input,
          (e) => events.push(e),
          (e) => ends.push(e),
        )
        if (ends.length > 0) {
          // Refused synchronously: nothing started, nothing to clean up.
          expect(dispatcher.activeSubscriptions()).toBe(0)
          checkCase(schema, name, c, { ok: false, error: ends[0], received: rec.calls.map((x) => x.input) })
          return
        }
        await until(() => events.length === 1)
        checkCase(schema, name, c, { ok: true, received: rec.calls.map((x) => x.input) })
        stop()
        await until(() => rec.finished() === finishedBefore + 1)
        expect(dispatcher.activeSubscriptions()).toBe(0)
      }
      const before = tally.tried
      await fc.assert(fc.asyncProperty(hostileArbitrary(schema), run), { numRuns: RUNS.hostile })
      await fc.assert(fc.asyncProperty(random, run), { numRuns: RUNS.random })
      await fc.assert(
        fc.asyncProperty(validArbitrary(schema), async (input) => {
          await run({ input, mustReject: false, what: 'valid' })
          expect(rec.calls).toHaveLength(1)
        }),
        { numRuns: RUNS.valid },
      )
      console.log(`[contract fuzz] ${name}: ${tally.tried - before} inputs`)
    })
  }

  it('unknown names are refused as UnknownMethod for calls and streams', async () => {
    const rec = recordingHandlers()
    const dispatcher = createDispatcher(rec.handlers, rec.streamHandlers)
    const names = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'system.info.x', '../system.info', 'a;id'),
      fc.string({ maxLength: 40 }).filter((n) => !Object.hasOwn(methods, n) && !Object.hasOwn(streams, n)),
    )
    await fc.assert(
      fc.asyncProperty(names, async (n) => {
        tally.tried += 2
        tally.refused += 2
        const r = await dispatcher.call(n, {})
        expect(r).toMatchObject({ ok: false, error: { code: 'UnknownMethod' } })
        const ends: unknown[] = []
        dispatcher.subscribe(
          n,
          {},
          () => {},
          (e) => ends.push(e),
        )
        expect(ends).toMatchObject([{ code: 'UnknownMethod' }])
      }),
      { numRuns: 200 },
    )
    expect(rec.calls).toEqual([])
  })
})
