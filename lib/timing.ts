/**
 * Runs `fn` and records its duration as a Performance API measure named `ald:<name>` (it ends
 * now by default), which `npm run bench` reads back from the page in Chromium.
 */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  performance.measure(`ald:${name}`, { start });
  return result;
}
