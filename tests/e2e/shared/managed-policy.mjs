// Real managed policies for the browser suites: the extension's `storage.managed` as an
// administrator sets it. Chromium (Debian's build) reads JSON files in /etc/chromium/policies/managed;
// Firefox on Linux reads /etc/firefox/policies/policies.json (Debian's firefox-esr too; checked:
// /etc/firefox-esr/policies is not read). Writing either needs root.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const KEY = JSON.parse(readFileSync(resolve('tests/e2e/test-extension-key.json'), 'utf8'));
/** The Chromium id of a test build (ALD_TEST_KEY=1): pinned by the public key in its manifest. */
export const TEST_EXTENSION_ID = KEY.id;
/** The Firefox add-on id (pinned in every build). */
export const GECKO_ID = 'access-link-doctor@accesslinkdoctor.dev';
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

/**
 * What both suites set by policy: a locked hint, an unlocked organisation and email language, a
 * known-directory list with one bad entry, and a lock on a key the extension does not know.
 */
export const TEST_POLICY = {
  directoryHint: 'Contoso.onmicrosoft.com',
  cloud: 'global',
  organization: 'Contoso',
  emailLanguage: 'nl',
  knownDirectories: [
    { directory: 'fabrikam.com', name: 'Fabrikam' },
    { directory: 'not a directory', name: 'Broken' },
  ],
  locked: ['directoryHint', 'knownDirectories', 'favouriteColour'],
};

/** Why policies cannot be written here, or null when they can. */
export function policySkipReason() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0)
    return 'managed policies need root (they live under /etc): run the suite as root to include this test';
  return null;
}

/**
 * Why Firefox's policies.json cannot be written for this run, or null when it can. Firefox reads one
 * file only, so an administrator's own file on this machine is never overwritten.
 */
export function firefoxPolicySkipReason() {
  return (
    policySkipReason() ??
    (existsSync(FIREFOX_POLICY_FILE)
      ? `${FIREFOX_POLICY_FILE} already exists on this machine; it is left alone and this test skipped`
      : null)
  );
}

/**
 * Writes `policy` for the add-on as Firefox's policies.json, and returns the function that removes
 * it again. Firefox reads the file when it starts: write it before launching.
 */
export function writeFirefoxPolicy(policy, addonId = GECKO_ID) {
  mkdirSync(join(FIREFOX_POLICY_FILE, '..'), { recursive: true });
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify(firefoxPoliciesJson(policy, addonId), null, 2));
  return () => rmSync(FIREFOX_POLICY_FILE, { force: true });
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
