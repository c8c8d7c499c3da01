// Real managed policies for the browser suites: the extension's `storage.managed` as an
// administrator sets it. Chromium (Debian's build) reads JSON files in /etc/chromium/policies/managed;
// Firefox reads distribution/policies.json beside its binary. Writing either needs root.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const KEY = JSON.parse(readFileSync(resolve('tests/e2e/test-extension-key.json'), 'utf8'));
/** The Chromium id of a test build (ALD_TEST_KEY=1): pinned by the public key in its manifest. */
export const TEST_EXTENSION_ID = KEY.id;
/** The Firefox add-on id (pinned in every build). */
export const GECKO_ID = 'access-link-doctor@accesslinkdoctor.dev';
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Why policies cannot be written here, or null when they can. */
export function policySkipReason() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0)
    return 'managed policies need root (they live under /etc): run the suite as root to include this test';
  return null;
}

/** Builds the Chromium extension with the test key into `outDir` (never the store build). */
export function buildTestExtension(outDir) {
  const run = spawnSync('npx', ['wxt', 'build'], {
    env: { ...process.env, ALD_OUT_DIR: outDir, ALD_TEST_KEY: '1' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.status !== 0) throw new Error(`test build failed:\n${run.stdout}\n${run.stderr}`);
  return join(outDir, 'chrome-mv3');
}

/** The policy file's content for Chromium: extension policies sit under "3rdparty". */
export function chromiumPolicyFile(policy, extensionId = TEST_EXTENSION_ID) {
  return { '3rdparty': { extensions: { [extensionId]: policy } } };
}

/** The policies.json content for Firefox: 3rdparty.Extensions.<add-on id>. */
export function firefoxPoliciesJson(policy, addonId = GECKO_ID) {
  return { policies: { '3rdparty': { Extensions: { [addonId]: policy } } } };
}

/**
 * Writes `policy` for the extension into Chromium's managed policy folder while `fn` runs, and
 * removes it afterwards whatever happens. Chromium reads the folder when it starts: start the
 * browser inside `fn`. The file name carries the process id, so parallel runs do not collide.
 */
export async function withChromiumPolicy(policy, fn, extensionId = TEST_EXTENSION_ID) {
  const file = join(CHROMIUM_POLICY_DIR, `access-link-doctor-e2e-${process.pid}.json`);
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(chromiumPolicyFile(policy, extensionId), null, 2));
  try {
    return await fn(file);
  } finally {
    rmSync(file, { force: true });
  }
}
