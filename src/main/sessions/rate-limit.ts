/**
 * A token bucket: `rate` units a second, at most `burst` saved up. `take(n)` says whether n units were
 * available (and spends them). The clock is passed in so tests step it.
 */
export function tokenBucket(
  rate: number,
  burst: number,
  now: () => number = () => performance.now(),
): { take(units: number): boolean } {
  let tokens = burst
  let at = now()
  return {
    take(units) {
      const t = now()
      tokens = Math.min(burst, tokens + ((t - at) / 1000) * rate)
      at = t
      if (units > tokens) return false
      tokens -= units
      return true
    },
  }
}
