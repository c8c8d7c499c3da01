// Timing for `npm run bench`, recorded only in the build it makes (WXT_ALD_TIMING=1): a page can
// read the Performance API, and a page must not learn that the extension is there.
const RECORD = import.meta.env.WXT_ALD_TIMING === '1';

/**
 * Runs `fn` and, in the bench's build, records its duration as a Performance API measure named
 * `ald:<name>`, which `npm run bench` reads back from the page in Chromium.
 */
export function timed<T>(name: string, fn: () => T): T {
  if (!RECORD) return fn();
  const start = performance.now();
  const result = fn();
  performance.measure(`ald:${name}`, { start });
  return result;
}
