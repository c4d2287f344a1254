/** Resolves with the first truthy value `probe` gives, looking every 25 ms; rejects after the timeout with what `describe` says was there. */
export async function waitUntil<T>(probe: () => T | undefined | null | false, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
