// What both browser suites (Chromium and Firefox) serve and wait with: the fixture pages, the
// package id they show, a bounded poll, and axe-core's source and run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve('tests/fixtures/pages');
export const G = '6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';

export function fixture(name) {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Polls `read` until it returns `expected` (bounded), returning the last value for the assertion. */
// A first message wakes the service worker, which on a busy 2-core machine can take seconds: wait
// long enough for that, since a value that never comes still fails the test, only later.
export async function eventually(read, expected, { timeout = 15_000, interval = 50 } = {}) {
  const done = typeof expected === 'function' ? expected : (value) => value === expected;
  const end = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, interval));
    value = await read();
  }
  return value;
}

export const AXE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Runs in the page once AXE is evaluated there: the violations, one line each. */
export async function axeRun() {
  return (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
