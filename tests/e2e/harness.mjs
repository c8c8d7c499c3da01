// Drives Debian's Chromium with the built extension loaded; README "Testing" says what it needs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../../scripts/chromium-path.mjs';
import { AXE, axeRun, eventually, fixture, G } from './shared/fixtures.mjs';

// Fixtures and waits are shared with the Firefox suite (tests/e2e-firefox/).
export { eventually, fixture, FIXTURES, G } from './shared/fixtures.mjs';

export const EXTENSION_DIR = resolve(process.env.ALD_OUT_DIR ?? '.output', 'chrome-mv3');

// Chromium's flags for every browser test: headless-safe, quiet, nothing fetched, English.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--lang=en-US',
];

/**
 * Starts Chromium with the extension, runs `fn`, and always closes the browser and removes its
 * profile, whatever `fn` does. Every wait inside is bounded.
 */
export async function withExtension(
  fn,
  // extensionDir: another build (the policy suite's, whose id is pinned by a key).
  { permissions = [], args = [], extensionDir = EXTENSION_DIR } = {},
) {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(
      'Chromium not found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.',
    );
  const profile = mkdtempSync(join(tmpdir(), 'ald-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    timeout: 30_000,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_ARGS,
      ...args,
    ],
  });
  context.setDefaultTimeout(10_000);
  try {
    if (permissions.length) await context.grantPermissions(permissions);
    // Nothing leaves the machine: every request is answered by a route or refused.
    // (Routes registered later by a test take precedence over this one.)
    await context.route(
      (url) => url.protocol === 'http:' || url.protocol === 'https:',
      (route) => route.abort('blockedbyclient'),
    );
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return await fn({
      context,
      worker,
      extensionId,
      serve: (url, body) => serve(context, url, body),
    });
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Answers requests to `pattern` (a glob such as 'https://myaccess.microsoft.com/**') with HTML. */
export async function serve(context, pattern, body) {
  await context.route(pattern, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
}

/** The toolbar badge text the extension set for the active tab (the page a test just opened). */
export async function badgeOf(worker, page) {
  await page.bringToFront();
  // tabs.query cannot match by URL without the "tabs" permission, which the extension rightly lacks.
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : 'no active tab';
  });
}

/** axe-core's violations on the page (evaluated over CDP, so the extension's CSP does not apply). */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(axeRun);
}

/**
 * Opens the Entra overview of package G, waits until its facts reached the background, and opens
 * the popup for that tab (as a page: `?tab=`).
 */
export async function popupOnPortalPackage({ context, worker, extensionId, serve }) {
  await serve('https://entra.microsoft.com/**', fixture('entra-shell.html'));
  await serve(
    'https://entra.microsoft.com/fixtures/entra-overview-frame.html',
    fixture('entra-overview-frame.html'),
  );
  const portal = await context.newPage();
  await portal.goto(
    `https://entra.microsoft.com/#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${G}`,
  );
  await portal.bringToFront();
  const tabId = await worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id,
  );
  await eventually(
    () =>
      worker.evaluate(
        async (id) => Boolean((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.facts),
        tabId,
      ),
    true,
  );
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}
