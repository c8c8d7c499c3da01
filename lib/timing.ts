/**
 * Runs `fn` and records its duration as a Performance API measure named `ald:<name>`, which
 * `npm run bench` reads back from the page in Chromium. Costs one mark-free `measure` call.
 */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(`ald:${name}`, { start, end: performance.now() });
  }
}
