// Where Firefox is: $FIREFOX_PATH first, then the usual install paths; and whether its version is
// one the add-on accepts (the manifest's strict_min_version). Shared by the tests and screenshots.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** The gecko strict_min_version wxt.config.ts declares: Firefox refuses the add-on below it. */
export const MIN_VERSION = /strict_min_version:\s*'([\d.]+)'/.exec(
  readFileSync(new URL('../wxt.config.ts', import.meta.url), 'utf8'),
)?.[1];

export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

/** The version a Firefox binary reports ("Mozilla Firefox 153.8.0esr" → "153.8.0"), or undefined. */
export function firefoxVersion(path) {
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    return /(\d+(?:\.\d+)+)/.exec(out)?.[1];
  } catch {
    return undefined;
  }
}

/** Whether dotted version `a` is at least `b` ("153.8.0" ≥ "142.0"). */
export function atLeast(a, b) {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d > 0;
  }
  return true;
}
