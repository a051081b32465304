// Polls an assertion until it passes or the deadline expires (for real-clock tests only).
export async function eventually<T>(
  check: () => Promise<T>,
  // Generous: the deadline only matters when something is broken, and a loaded CI box is slow.
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
  }
}
