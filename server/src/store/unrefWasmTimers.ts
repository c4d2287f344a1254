// Workaround 4, for the Prisma CLI process only (prisma.config.ts): the CLI
// exits when Node's event loop drains, but timers armed from WebAssembly keep
// it alive: PGlite's interval timers and the schema engine's 10-second timer
// (`prisma migrate status` after a crash recovery never exited). Timers that
// long, created with WASM code on the stack, are unref'd: they still fire if
// the process is alive anyway, but no longer hold it open. Short timers and
// every timer armed from JavaScript are left alone, so the CLI's own work is
// still awaited.

const LONG_TIMER_MS = 1_000;

export function unrefLongWasmTimers(): void {
  const originalSetTimeout = globalThis.setTimeout;
  const originalSetInterval = globalThis.setInterval;
  globalThis.setTimeout = Object.assign(
    (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) =>
      unrefIfLongFromWasm(originalSetTimeout(callback, delay, ...args), delay),
    originalSetTimeout,
  );
  globalThis.setInterval = Object.assign(
    (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) =>
      unrefIfLongFromWasm(originalSetInterval(callback, delay, ...args), delay),
    originalSetInterval,
  );
}

function unrefIfLongFromWasm(timer: NodeJS.Timeout, delay: number | undefined): NodeJS.Timeout {
  if ((delay ?? 0) >= LONG_TIMER_MS && armedFromWasm()) timer.unref();
  return timer;
}

function armedFromWasm(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  try {
    return new Error().stack?.includes('wasm://') ?? false;
  } finally {
    Error.stackTraceLimit = limit;
  }
}
