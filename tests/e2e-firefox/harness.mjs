// Drives Firefox (Debian's firefox-esr) headless over WebDriver BiDi with puppeteer-core, the
// built add-on installed as a temporary add-on. One Firefox per test file: `firefoxSuite()`
// launches it before the file's first test and always closes it (and removes its profile) after.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, beforeEach } from 'node:test';
import puppeteer from 'puppeteer-core';
import { findFirefox } from '../../scripts/firefox-path.mjs';
import { AXE, axeRun, eventually, fixture } from '../e2e/shared/fixtures.mjs';
import { BLADE } from '../e2e/shared/journeys.mjs';

/** The build under test: the shipped firefox-mv3, unless ALD_FIREFOX_BUILD names another. */
export const BUILD = process.env.ALD_FIREFOX_BUILD ?? 'firefox-mv3';
export const EXTENSION_DIR = resolve(process.env.ALD_OUT_DIR ?? '.output', BUILD);
const MANIFEST = (() => {
  try {
    return JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  } catch {
    throw new Error(`No Firefox build in ${EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
})();
export const GECKO_ID = MANIFEST.browser_specific_settings.gecko.id;
// Pinned, so every page URL is known before the add-on is installed.
export const UUID = '3f0c2a9e-5d41-4b7a-9c3e-1a2b3c4d5e6f';
export const ORIGIN = `moz-extension://${UUID}`;

const BASE_PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
  // Cheaper on a small machine: one content process, no prelaunch, no site isolation.
  'dom.ipc.processCount': 1,
  'dom.ipc.processPrelaunch.enabled': false,
  'fission.autostart': false,
  // navigator.clipboard.read() without the paste prompt a headless browser cannot answer.
  'dom.events.testing.asyncClipboard': true,
  'intl.locale.requested': 'en-US',
  'intl.accept_languages': 'en-US, en',
  // Nothing leaves the machine: requests no test answers go to a proxy that is not there.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
  'network.dns.disablePrefetch': true,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
};

/**
 * Registers the file's Firefox: launched once before its tests, closed after them. Each test
 * starts with no pages but the probe and with empty storage. Options as for `launchFirefox`.
 */
export function firefoxSuite(options = {}) {
  const suite = {};
  before(async () => void (await launchFirefox(options, suite)), { timeout: 60_000 });
  after(() => suite.close?.());
  beforeEach(() => suite.reset());
  return suite;
}

/**
 * Starts Firefox with the add-on installed and returns its handle (filling `suite` if given);
 * `close()` always removes the profile. `proxyPort` sends all HTTP(S) through a local proxy (the
 * add-on's own requests cannot be intercepted per page); `prefs` adds Firefox preferences.
 */
export async function launchFirefox({ prefs = {}, proxyPort } = {}, suite = {}) {
  const executablePath = findFirefox();
  if (!executablePath)
    throw new Error(
      'Firefox not found: run `node scripts/ensure-firefox.mjs` or set FIREFOX_PATH.',
    );
  const profile = mkdtempSync(join(tmpdir(), 'ald-ff-'));
  suite.close = async () => {
    await suite.browser?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const proxied = proxyPort
      ? { 'network.proxy.http_port': proxyPort, 'network.proxy.ssl_port': proxyPort }
      : {};
    suite.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: profile,
      acceptInsecureCerts: Boolean(proxyPort),
      protocolTimeout: 30_000,
      // Extension pages and the browser window's own scope are reachable only with this.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { ...BASE_PREFS, ...proxied, ...prefs },
    });
    suite.extensionId = await suite.browser.installExtension(EXTENSION_DIR);
    // A page of the add-on that stays open: it calls the extension APIs a test needs.
    suite.probe = await extensionPage(suite.browser, 'options.html');
  } catch (error) {
    await suite.close();
    throw error;
  }
  const routes = [];
  /** Back to a fresh start: only the probe open, no routes, empty storage. */
  suite.reset = async () => {
    for (const page of await suite.browser.pages())
      if (page !== suite.probe && !page.isClosed()) await page.close().catch(() => {});
    await suite.probe.evaluate(() =>
      Promise.all([browser.storage.local.clear(), browser.storage.session.clear()]),
    );
    routes.length = 0;
  };
  Object.assign(suite, {
    /** Answers requests whose URL starts with `prefix` with HTML, in every page opened by `page()`. */
    serve(prefix, body) {
      routes.unshift({ prefix, body });
    },
    /** A new tab whose requests are answered by `serve` or refused. */
    async page() {
      const page = await suite.browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        const url = req.url();
        if (!/^https?:/.test(url)) return void req.continue().catch(() => {});
        const route = routes.find((r) => url.startsWith(r.prefix));
        if (!route) return void req.abort().catch(() => {});
        void req
          .respond({ status: 200, contentType: 'text/html; charset=utf-8', body: route.body })
          .catch(() => {});
      });
      return page;
    },
    /** A new tab on one of the add-on's pages (`popup.html?check=…`). */
    extensionPage: (path) => extensionPage(suite.browser, path),
    /** Runs `fn(...args)` in the probe page, where `browser.*` is the add-on's own API. */
    ext: (fn, ...args) => suite.probe.evaluate(fn, ...args),
    /** Runs `expression` in the browser window's privileged scope (what a user's click reaches). */
    chrome: (expression) => chromeEval(suite.browser, expression),
    /** The toolbar badge the add-on set for `page`'s tab. */
    async badgeOf(page) {
      await page.bringToFront();
      return suite.ext(async () => {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        return tab
          ? (browser.action ?? browser.browserAction).getBadgeText({ tabId: tab.id })
          : 'no active tab';
      });
    },
    /** The tab id of `page` (brought to the front to find it: the add-on cannot query by URL). */
    async tabIdOf(page) {
      await page.bringToFront();
      return suite.ext(
        async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0].id,
      );
    },
    /**
     * Runs `code` (an expression, awaited) in the add-on's content-script world of the front tab,
     * the sandbox its content scripts run in, and returns its result as a string. Reached through
     * a privileged frame script: Firefox offers add-ons no way in without extra permissions.
     */
    contentScript(code) {
      const frameScript = `
        const { ExtensionContent } = ChromeUtils.importESModule(
          'resource://gre/modules/ExtensionContent.sys.mjs');
        (async () => {
          let result;
          try {
            const ctx = ExtensionContent.getContextByExtensionId(
              ${JSON.stringify(suite.extensionId)}, content);
            result = await Cu.evalInSandbox(${JSON.stringify(code)}, ctx.cloneScope);
          } catch (e) {
            result = 'error: ' + e;
          }
          sendAsyncMessage('ald-test:content-script', String(result));
        })();`;
      return chromeEval(
        suite.browser,
        `new Promise((resolve) => {
          const mm = gBrowser.selectedBrowser.messageManager;
          mm.addMessageListener('ald-test:content-script', function once(m) {
            mm.removeMessageListener('ald-test:content-script', once);
            resolve(m.data);
          });
          mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(frameScript)}), false);
          setTimeout(() => resolve('no answer from the content-script world'), 10000);
        })`,
      );
    },
    /** Dark or light for web and extension pages alike (puppeteer's media emulation needs CDP). */
    colorScheme: (scheme) =>
      chromeEval(
        suite.browser,
        `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`,
      ),
  });
  return suite;
}

/**
 * Opens the Entra overview of package G, waits until its facts reached the add-on, and opens the
 * popup for that tab (as a page: `?tab=`), as the Chromium harness's helper of the same name does.
 */
export async function popupOnPortalPackage(ff) {
  // The later route wins where both match.
  ff.serve('https://entra.microsoft.com/', fixture('entra-shell.html'));
  ff.serve('https://entra.microsoft.com/fixtures/', fixture('entra-overview-frame.html'));
  const portal = await ff.page();
  await portal.goto(`https://entra.microsoft.com/${BLADE}`);
  const tabId = await ff.tabIdOf(portal);
  const facts = () =>
    ff.ext(
      async (id) => Boolean((await browser.storage.session.get(`tab:${id}`))[`tab:${id}`]?.facts),
      tabId,
    );
  if (!(await eventually(facts, true)))
    throw new Error('the portal facts never reached the add-on');
  return { popup: await extensionPage(ff.browser, `popup.html?tab=${tabId}`), tabId };
}

/** The add-on's pages never fire load events over BiDi: navigate and wait for "complete". */
export async function extensionPage(browser, path) {
  const page = await browser.newPage();
  await navigateExtension(page, path);
  return page;
}

export async function navigateExtension(page, path) {
  await page.mainFrame().browsingContext.navigate(`${ORIGIN}/${path}`, 'complete');
}

async function chromeEval(browser, expression) {
  const { result } = await browser.connection.send('browsingContext.getTree', {
    'moz:scope': 'chrome',
  });
  const window = result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  const { result: out } = await browser.connection.send('script.evaluate', {
    target: { context: window.context },
    expression,
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (out.type === 'exception') throw new Error(out.exceptionDetails.text);
  return out.result?.value;
}

/** The element a visible label (or aria-label) names, searching open shadow roots too. */
export function byLabel(page, label) {
  return page.evaluateHandle(
    (label) => {
      const matches = (text) =>
        label instanceof RegExp || typeof label === 'object'
          ? new RegExp(label.source, label.flags).test(text)
          : text.trim() === label;
      const roots = [document];
      for (let i = 0; i < roots.length; i++)
        for (const el of roots[i].querySelectorAll('*'))
          if (el.shadowRoot) roots.push(el.shadowRoot);
      for (const root of roots) {
        for (const l of root.querySelectorAll('label'))
          if (matches(l.textContent) && l.control) return l.control;
        for (const el of root.querySelectorAll('[aria-label]'))
          if (matches(el.getAttribute('aria-label'))) return el;
      }
      return null;
    },
    label instanceof RegExp ? { source: label.source, flags: label.flags } : label,
  );
}

/** The button whose text (or aria-label) is `name`, searching open shadow roots too. */
export function button(page, name) {
  return page.evaluateHandle((name) => {
    const roots = [document];
    for (let i = 0; i < roots.length; i++)
      for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots)
      for (const b of root.querySelectorAll('button'))
        if ((b.getAttribute('aria-label') ?? b.textContent).trim() === name) return b;
    return null;
  }, name);
}

/** Waits (bounded) until `find()` gives an element, and returns it. */
export async function waitFor(find, { timeout = 10_000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const handle = await find();
    if (handle && (await handle.evaluate((el) => el !== null))) return handle;
    if (Date.now() > end) throw new Error(`not found within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Replaces a field's text as a user would: select all, then type it key by key. */
export async function fill(page, handle, text) {
  await handle.evaluate((el) => {
    el.focus();
    el.select();
  });
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
}

/** Replaces a field's text in one step (one input event), as a paste over a selection would. */
export async function replaceText(page, handle, text) {
  await handle.evaluate((el) => {
    el.focus();
    el.select();
  });
  await insertText(page, text);
}

/** Inserts text at the caret of the focused field in one step, as a paste or IME commit would. */
export const insertText = (page, text) =>
  page.evaluate((t) => document.execCommand('insertText', false, t), text);

/** The text of the first element matching `selector`, or null. */
export const textOf = (page, selector) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

/** Opens the popup's "Can a partner request it?" reasons. */
export const openReasons = (page) =>
  page.$$eval('summary, button', (els) =>
    els.find((e) => e.textContent.trim() === 'Can a partner request it?')?.click(),
  );

/** axe-core's violations on the page (evaluated over BiDi: the page's CSP does not apply). */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(axeRun);
}

export { eventually };
