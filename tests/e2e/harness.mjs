// Drives Debian's Chromium with the built extension loaded; README "Testing" says what it needs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
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

/** Starts Chromium with the extension; `close()` always removes its profile. */
async function launch({ args, extensionDir }) {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(
      'Chromium not found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.',
    );
  const profile = mkdtempSync(join(tmpdir(), 'ald-e2e-'));
  const close = async () => {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
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
    await blockTheNetwork(context);
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    return { context, worker, extensionId: new URL(worker.url()).host, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Nothing leaves the machine: every request is answered by a route or refused. */
function blockTheNetwork(context) {
  // Routes registered later by a test take precedence over this one.
  return context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort('blockedbyclient'),
  );
}

/** The process's one browser, when its tests share one (`shareOneBrowser`), and its launch key. */
let shared = null;
let sharing = false;
const whenDone = [];

/**
 * One Chromium for all the tests of this process: launched by the first test, closed after the
 * last. Call it at the top of a test file. A file run alone gets a browser of its own; the suite
 * (`tests/e2e/suite.mjs`) runs every file in one process, so all share one. A launch costs about
 * 5 s here: 2.5 s to start, and Chromium's storage.managed answers only about 5 s after its start,
 * which the extension waits for (its settings honour the organisation's policy).
 * Each test still starts clean: no pages, no routes but the network block, no granted permissions,
 * empty storage, no optional host access. `cleanup` functions (fake servers) run after the browser
 * is closed.
 */
export function shareOneBrowser() {
  if (sharing) return;
  sharing = true;
  after(async () => {
    await shared?.close();
    shared = null;
    for (const cleanup of whenDone) await cleanup();
  });
}

/** Runs `cleanup` once the shared browser's tests are done (`shareOneBrowser`), or returns false. */
export function whenSharingEnds(cleanup) {
  if (sharing) whenDone.push(cleanup);
  return sharing;
}

/** Back to a clean start in the shared browser (see `shareOneBrowser`). */
async function reset({ context, extensionId }, permissions) {
  // One blank tab stays: with no window left, the browser has nowhere to open a tab.
  const blank = await context.newPage();
  for (const page of context.pages()) if (page !== blank) await page.close().catch(() => {});
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await blockTheNetwork(context);
  await context.clearPermissions();
  if (permissions.length) await context.grantPermissions(permissions);
  const worker = await extensionWorker(context, extensionId);
  await worker.evaluate(async () => {
    await Promise.all([chrome.storage.local.clear(), chrome.storage.session.clear()]);
    // Host access an earlier test granted (the Graph hosts are optional): taken back.
    const optional = chrome.runtime.getManifest().optional_host_permissions ?? [];
    if (optional.length) await chrome.permissions.remove({ origins: optional });
  });
  return worker;
}

/** The extension's service worker, woken by opening one of its pages if it had stopped. */
async function extensionWorker(context, extensionId) {
  const running = () =>
    context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (running()) return running();
  const waking = context.waitForEvent('serviceworker', { timeout: 15_000 });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await waking;
  await page.close();
  return running();
}

/**
 * Runs `fn` with Chromium and the extension loaded: the shared browser (`shareOneBrowser`), made
 * clean, or else a browser of its own that is always closed and its profile removed, whatever `fn`
 * does. `args` or another `extensionDir` (the policy test's build, whose id is pinned by a key)
 * need a browser launched with them: the shared one is then launched again, with them, and again
 * without them for the next test that has none. Every wait inside is bounded.
 */
export async function withExtension(
  fn,
  { permissions = [], args = [], extensionDir = EXTENSION_DIR } = {},
) {
  const serveIn = (context) => (url, body) => serve(context, url, body);
  if (!sharing) {
    const browser = await launch({ args, extensionDir });
    try {
      if (permissions.length) await browser.context.grantPermissions(permissions);
      return await fn({ ...browser, serve: serveIn(browser.context) });
    } finally {
      await browser.close();
    }
  }
  const key = JSON.stringify([args, extensionDir]);
  if (shared?.key !== key) {
    await shared?.close();
    shared = { ...(await launch({ args, extensionDir })), key };
  }
  const worker = await reset(shared, permissions);
  const { context, extensionId } = shared;
  return fn({ context, worker, extensionId, serve: serveIn(context) });
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

/** Serves the Entra admin center, whose access package overview is in an iframe. */
export async function serveEntraOverview(serve) {
  await serve('https://entra.microsoft.com/**', fixture('entra-shell.html'));
  await serve(
    'https://entra.microsoft.com/fixtures/entra-overview-frame.html',
    fixture('entra-overview-frame.html'),
  );
}

/**
 * Opens the Entra overview of package G, waits until its facts reached the background, and opens
 * the popup for that tab (as a page: `?tab=`).
 */
export async function popupOnPortalPackage({ context, worker, extensionId, serve }) {
  await serveEntraOverview(serve);
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

/** Asserts that the badge of `page`'s tab comes to say `text` (bounded wait). */
export async function assertBadge(worker, page, text) {
  assert.equal(await eventually(() => badgeOf(worker, page), text), text);
}

/** `withExtension`'s option for a test that reads or writes the clipboard. */
export const WITH_CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/**
 * A test with the extension loaded: `fn` runs in `withExtension`, which takes the rest of
 * `options` (`permissions`); `timeout` is the test's, 60 s unless given.
 */
export function extensionTest(name, fn, { timeout = 60_000, ...options } = {}) {
  return test(name, { timeout }, () => withExtension(fn, options));
}

/** The URL of the extension's page `path` (`options.html`, `catalog.html?catalog=…`). */
export const extensionUrl = (extensionId, path) => `chrome-extension://${extensionId}/${path}`;

/** The popup page's URL, with `check` (when given) as the text it checks (`?check=`). */
export const popupUrl = (extensionId, check = '') =>
  extensionUrl(extensionId, `popup.html${check ? `?check=${encodeURIComponent(check)}` : ''}`);

/** The popup's real size, for the tests of what fits in it. */
export const POPUP_VIEWPORT = { width: 400, height: 600 };

/** Opens `url` in a new tab (`viewport`: its size, set before it loads). */
async function openTab(context, url, { viewport } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url);
  return page;
}

/** Opens the popup as a page in a new tab; `options` as for `openTab`. */
export const openPopup = ({ context, extensionId }, check = '', options = {}) =>
  openTab(context, popupUrl(extensionId, check), options);

/** Opens the empty popup in a new tab, once its paste box has the focus (as on opening). */
export async function openFocusedPopup(browser) {
  const page = await openPopup(browser);
  await page.waitForFunction(() => document.activeElement?.id === 'paste');
  return page;
}

/** Opens the options page in a new tab; `options` as for `openTab`. */
export const openOptions = ({ context, extensionId }, options = {}) =>
  openTab(context, extensionUrl(extensionId, 'options.html'), options);
