export interface WaitOptions {
  timeoutMs?: number
  intervalMs?: number
}

/**
 * Retries `check` until it stops throwing (or returns a truthy value for non-assertions),
 * then returns its result; rethrows its last error after `timeoutMs`.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 15_000, intervalMs = 20 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
