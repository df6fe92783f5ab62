// Polls until an asynchronous condition holds: for tests that wait on work done elsewhere (a
// grader process, a queue job, a simulated LMS). The timeout is a failure, never a measurement.

/** Resolves with the first truthy value `probe` gives, polling every 100 ms; throws after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
