// The background's message listener, driven through the fake browser: a report from the wrong
// sender changes no tab state and no badge, and is counted in the debug log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../entrypoints/background';
import type { MessageSenderInfo } from '../lib/messages';
import { G } from './fixtures/link-rows';

const TAB = 7;
const PAGE = `https://entra.microsoft.com/#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${G}`;
const REPORT = { type: 'portal-page', accessPackageId: G, tenant: 'contoso.com', cloud: 'global' };
const FACTS = {
  type: 'portal-facts',
  packageName: 'Sales partners',
  hidden: true,
  catalogName: 'General',
  link: null,
};
const portalTop: MessageSenderInfo = {
  id: fakeBrowser.runtime.id,
  url: PAGE,
  origin: 'https://entra.microsoft.com',
  frameId: 0,
  tab: { id: TAB, url: PAGE },
};

// The fields the background reads; a real sender has more (a whole Tab).
// What each listener answered (one listener: a one-item array).
const send = (message: unknown, sender: MessageSenderInfo): Promise<unknown> =>
  fakeBrowser.runtime.onMessage.trigger(message, sender as Browser.runtime.MessageSender);
const session = () => fakeBrowser.storage.session.get(null);
const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB });

let debug: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // The context menu is not the fake browser's; the listeners under test are.
  fakeBrowser.contextMenus.onClicked.addListener = () => {};
  debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
  background.main();
});
afterEach(() => {
  debug.mockRestore();
  delete (fakeBrowser.storage.session as { setAccessLevel?: unknown }).setAccessLevel;
});

describe('background: runtime messages', () => {
  it('a report from the portal top frame sets the tab state and badge', async () => {
    expect(await send(REPORT, portalTop)).toEqual([{ ok: true }]);
    expect(await session()).toEqual({
      [`tab:${TAB}`]: {
        type: 'portal',
        accessPackageId: G,
        tenant: 'contoso.com',
        cloud: 'global',
        facts: null,
      },
    });
    // The URL's `#@contoso.com/` is only a suggestion: the badge waits for a confirmed directory.
    expect(await badge()).toBe('PKG');
    expect(debug).not.toHaveBeenCalled();
  });

  it.each<[string, unknown, MessageSenderInfo, string]>([
    [
      'a report from another extension',
      REPORT,
      { ...portalTop, id: 'another-extension' },
      'foreign-extension',
    ],
    [
      'a report from an extension page without tab',
      REPORT,
      { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') },
      'no-tab',
    ],
    [
      'a report from a look-alike host',
      REPORT,
      {
        ...portalTop,
        url: 'https://entra.microsoft.com.evil.example/',
        origin: 'https://entra.microsoft.com.evil.example',
      },
      'wrong-origin',
    ],
    [
      'a portal report from the My Access host',
      REPORT,
      {
        ...portalTop,
        url: 'https://myaccess.microsoft.com/',
        origin: 'https://myaccess.microsoft.com',
      },
      'wrong-origin',
    ],
    [
      'a top-frame report from a portal sub-frame',
      REPORT,
      { ...portalTop, frameId: 4 },
      'sub-frame',
    ],
    [
      'facts from a portal frame inside another site',
      FACTS,
      { ...portalTop, frameId: 4, tab: { id: TAB, url: 'https://evil.example/' } },
      'wrong-top',
    ],
    [
      'a My Access report from a portal page',
      { type: 'my-access-page', status: 'dangerous' },
      portalTop,
      'wrong-origin',
    ],
    [
      'a malformed message from the right frame',
      { type: 'portal-page', accessPackageId: 42 },
      portalTop,
      'malformed',
    ],
  ])('%s changes no tab state', async (_, message, sender, reason) => {
    expect(await send(message, sender)).toEqual([undefined]);
    expect(await session()).toEqual({});
    expect(await badge()).toBe('');
    expect(debug).toHaveBeenCalledTimes(1);
    expect(String(debug.mock.calls[0]![0])).toContain(reason);
  });

  it('a wrong sender cannot overwrite or add to a tab state that exists', async () => {
    await send(REPORT, portalTop);
    const before = await session();
    await send(
      { type: 'portal-page', accessPackageId: null, tenant: null, cloud: 'global' },
      { ...portalTop, id: 'another-extension' },
    );
    await send(FACTS, {
      ...portalTop,
      frameId: 2,
      url: 'http://entra.microsoft.com/x',
      origin: 'http://entra.microsoft.com',
    });
    await send(
      { type: 'my-access-page', status: 'dangerous' },
      {
        ...portalTop,
        url: 'https://myaccess.microsoft.com/',
        origin: 'https://myaccess.microsoft.com',
        frameId: 3,
      },
    );
    expect(await session()).toEqual(before);
    expect(await badge()).toBe('PKG');
    expect(debug).toHaveBeenCalledTimes(3);
  });

  it('facts from a portal sub-frame of a portal tab are merged', async () => {
    await send(REPORT, portalTop);
    expect(
      await send(FACTS, {
        ...portalTop,
        frameId: 5,
        url: 'https://entra.microsoft.com/frame.html',
      }),
    ).toEqual([{ ok: true }]);
    expect((await session())[`tab:${TAB}`]).toMatchObject({
      accessPackageId: G,
      facts: { packageName: 'Sales partners', hidden: true },
    });
  });
});

describe('background: portal frames', () => {
  const LINK = `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`;
  const reactFrame: MessageSenderInfo = {
    id: fakeBrowser.runtime.id,
    url: 'https://sandbox-1.reactblade.portal.azure.net/react/index.html',
    origin: 'https://sandbox-1.reactblade.portal.azure.net',
    frameId: 6,
    tab: { id: TAB, url: PAGE },
  };

  it("answers a frame's question from the tab's own URL, and stores nothing", async () => {
    expect(await send({ type: 'portal-frame-query' }, reactFrame)).toEqual([
      { type: 'portal-watch', accessPackageId: G },
    ]);
    expect(
      await send(
        { type: 'portal-frame-query' },
        { ...reactFrame, tab: { id: TAB, url: 'https://entra.microsoft.com/#home' } },
      ),
    ).toEqual([{ type: 'portal-watch', accessPackageId: null }]);
    expect(await session()).toEqual({});
  });

  it('merges what a React view frame shows; the link the page shows makes the badge OK', async () => {
    expect(await send(REPORT, portalTop)).toEqual([{ ok: true }]);
    expect(await send({ ...FACTS, link: LINK }, reactFrame)).toEqual([{ ok: true }]);
    expect((await session())[`tab:${TAB}`]).toMatchObject({ facts: { link: LINK } });
    expect(await badge()).toBe('OK');
  });

  it('drops what a React view frame shows when the tab is on no package page', async () => {
    const elsewhere = { ...reactFrame, tab: { id: TAB, url: 'https://entra.microsoft.com/#home' } };
    expect(await send({ ...FACTS, link: LINK }, elsewhere)).toEqual([undefined]);
    expect(await session()).toEqual({});
    expect(String(debug.mock.calls[0]![0])).toContain('wrong-top');
  });

  it("tells the tab's frames which package the top frame now shows", async () => {
    const sendMessage = vi.fn(() => Promise.resolve(undefined));
    fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
    expect(await send(REPORT, portalTop)).toEqual([{ ok: true }]);
    expect(await send({ ...REPORT, accessPackageId: null, tenant: null }, portalTop)).toEqual([
      { ok: true },
    ]);
    expect(sendMessage.mock.calls).toEqual([
      [TAB, { type: 'portal-watch', accessPackageId: G }],
      [TAB, { type: 'portal-watch', accessPackageId: null }],
    ]);
    // Facts never go back out.
    expect(await send(FACTS, reactFrame)).toEqual([{ ok: true }]);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });
});

describe('background: session storage access', () => {
  it('is limited to trusted contexts at start-up where the browser offers it', () => {
    const setAccessLevel = vi.fn(async () => {});
    Object.assign(fakeBrowser.storage.session, { setAccessLevel });
    background.main();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('starts where it is not offered, or refused', () => {
    expect(() => background.main()).not.toThrow();
    Object.assign(fakeBrowser.storage.session, {
      setAccessLevel: vi.fn(async () => Promise.reject(new Error('not here'))),
    });
    expect(() => background.main()).not.toThrow();
    Object.assign(fakeBrowser.storage.session, {
      setAccessLevel: vi.fn(() => {
        throw new Error('not here');
      }),
    });
    expect(() => background.main()).not.toThrow();
  });
});
