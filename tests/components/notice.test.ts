/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showIncompleteNotice } from '../../components/notice/incomplete-notice';
import { parseMyAccessPage } from '../../lib/pages/my-access-url';
import { G } from '../fixtures/link-rows';

// The in-page notice acts on the user's own actions only: its shadow root is open, so page script
// can reach its field and buttons. happy-dom marks no event trusted (as a browser does for
// `.click()` and `dispatchEvent`); a trusted event is imitated by defining `isTrusted`.

const MISSING_HINT = `https://myaccess.microsoft.com/#/access-packages/${G}`;

const trusted = <E extends Event>(event: E) =>
  Object.defineProperty(event, 'isTrusted', { value: true });
const stored = () => fakeBrowser.storage.local.get(['recentHints', 'dismissedNotices']);

async function open(url = MISSING_HINT) {
  await fakeBrowser.storage.local.set({ recentHints: ['fabrikam.com'] });
  const controller = new AbortController();
  await showIncompleteNotice(parseMyAccessPage(url)!.analysis, controller.signal);
  const host = document.querySelector<HTMLElement>('[data-testid="ald-notice"]')!;
  const root = host.shadowRoot!;
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
  return {
    host,
    root,
    controller,
    input: root.querySelector('input')!,
    card: root.querySelector('section')!,
    repair: root.querySelector<HTMLButtonElement>('[data-testid="ald-repair"]')!,
    later: button('Not now'),
    never: button('Don’t show again for this link'),
    /** The Undo and Close buttons exist once "Don't show again" was used. */
    button,
  };
}

type Notice = Awaited<ReturnType<typeof open>>;

/** Lets the notice's storage writes (if any) finish. */
const settle = () => new Promise((r) => setTimeout(r, 20));
const click = (b: HTMLElement) =>
  b.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
const key = (target: HTMLElement, k: string) =>
  target.dispatchEvent(
    trusted(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true })),
  );
const LINK = parseMyAccessPage(MISSING_HINT)!.analysis.link;

describe('the incomplete-link notice', () => {
  let assign: ReturnType<typeof vi.fn<(url: string | URL) => void>>;
  beforeEach(() => {
    assign = vi.fn();
    vi.spyOn(window.location, 'assign').mockImplementation(assign);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('keeps its shadow root open and offers the last confirmed hint', async () => {
    const { host, input, repair } = await open();
    expect(host.shadowRoot).not.toBeNull();
    expect(input.value).toBe('fabrikam.com');
    expect(repair.disabled).toBe(false);
  });

  it('ignores Repair clicked and Enter pressed by page script: no navigation, no hint stored', async () => {
    const { input, repair } = await open();
    input.value = 'attacker.onmicrosoft.com';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(repair.disabled).toBe(false);
    repair.click();
    for (const target of [input, repair])
      target.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
      );
    await settle();
    expect(assign).not.toHaveBeenCalled();
    expect(await stored()).toEqual({ recentHints: ['fabrikam.com'] });
  });

  it('ignores every way out used by page script: the notice stays, nothing is stored', async () => {
    const { host, input, card, later, never, root } = await open();
    later.click();
    never.click();
    for (const target of [input, card])
      target.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
      );
    await settle();
    expect(host.isConnected).toBe(true);
    expect(root.contains(card)).toBe(true);
    expect(await stored()).toEqual({ recentHints: ['fabrikam.com'] });
  });

  it("repairs on the user's own click, storing the hint first", async () => {
    const { input, repair } = await open();
    input.value = 'Contoso.OnMicrosoft.com';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    click(repair);
    await vi.waitFor(() =>
      expect(assign).toHaveBeenCalledWith(
        `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
      ),
    );
    expect((await stored()).recentHints).toEqual(['contoso.onmicrosoft.com', 'fabrikam.com']);
  });

  it.each([
    [
      'Contoso.OnMicrosoft.com',
      `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
    ],
    [
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
      `https://myaccess.microsoft.com/@72f988bf-86f1-41af-91ab-2d7cd011db47#/access-packages/${G}`,
    ],
    ['not a domain', null],
    ['anna@contoso.com', null],
  ])('Enter in the field repairs with what the user typed: %s', async (typed, expected) => {
    const { input } = await open();
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    key(input, 'Enter');
    await settle();
    if (expected) expect(assign).toHaveBeenCalledWith(expected);
    else expect(assign).not.toHaveBeenCalled();
  });

  it.each<[string, (n: Notice) => void]>([
    ['Escape in its field', (n) => key(n.input, 'Escape')],
    ['Escape on a button', (n) => key(n.repair, 'Escape')],
    ['a click on Not now', (n) => click(n.later)],
  ])('%s closes it for now: nothing is remembered', async (_, act) => {
    const notice = await open();
    act(notice);
    expect(notice.host.isConnected).toBe(false);
    await settle();
    expect(await stored()).toEqual({ recentHints: ['fabrikam.com'] });
    // The next visit of the same link shows it again.
    await open();
    expect(document.querySelectorAll('[data-testid="ald-notice"]')).toHaveLength(1);
  });

  it('"Don’t show again" is remembered for that link, says so, and can be undone', async () => {
    const notice = await open();
    click(notice.never);
    expect(notice.host.isConnected).toBe(true);
    const status = notice.root.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('This notice will not be shown again for this link.');
    const undo = notice.button('Undo');
    expect(notice.root.activeElement).toBe(undo);
    await vi.waitFor(async () => expect((await stored()).dismissedNotices).toEqual([LINK]));

    // Undo: the notice is back as it was, and the link is no longer remembered.
    click(undo);
    expect(notice.root.contains(notice.card)).toBe(true);
    expect(notice.root.activeElement).toBe(notice.never);
    await vi.waitFor(async () => expect((await stored()).dismissedNotices).toEqual([]));

    // Dismissed again and closed: the next visit shows nothing.
    click(notice.never);
    click(notice.button('Close'));
    expect(notice.host.isConnected).toBe(false);
    await vi.waitFor(async () => expect((await stored()).dismissedNotices).toEqual([LINK]));
    await showIncompleteNotice(
      parseMyAccessPage(MISSING_HINT)!.analysis,
      new AbortController().signal,
    );
    expect(document.querySelector('[data-testid="ald-notice"]')).toBeNull();
  });

  it('Escape after "Don’t show again" closes it and keeps the dismissal', async () => {
    const notice = await open();
    click(notice.never);
    key(notice.button('Undo'), 'Escape');
    expect(notice.host.isConnected).toBe(false);
    await vi.waitFor(async () => expect((await stored()).dismissedNotices).toEqual([LINK]));
  });

  it.each([
    [
      'a cut-off package ID is called incomplete',
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G.slice(0, 20)}`,
      /Its access package ID is incomplete \(cut off\)/,
    ],
    [
      'a package ID that is not one is called missing',
      `https://myaccess.microsoft.com/@contoso.com#/access-packages/sales-reports`,
      /does not name the access package/,
    ],
    ['a missing directory is called missing', MISSING_HINT, /does not say which organisation/],
  ])('%s', async (_, url, says) => {
    const page = parseMyAccessPage(url)!;
    expect(page.analysis.verdict).toBe('repairable');
    const { card } = await open(url);
    expect(card.textContent).toMatch(says);
    if (!says.source.includes('does not name'))
      expect(card.textContent).not.toMatch(/does not name/);
  });

  it.each([
    'https://myaccess.microsoft.com/@contoso.com',
    'https://myaccess.microsoft.com/@contoso.com#/access-packages',
  ])('an organisation link (%s) is not called broken, and asks for no package ID', async (url) => {
    const { card, root } = await open(url);
    expect(card.querySelector('h2')!.textContent).toBe('Organisation link, not a package link');
    expect(card.textContent).toContain(
      'This opens the My Access of contoso.com, not a particular access package.',
    );
    expect(card.textContent).not.toMatch(/incomplete|does not name/);
    expect(root.querySelector('input')).toBeNull();
    expect(root.querySelector('[data-testid="ald-repair"]')).toBeNull();
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Not now',
      'Don’t show again for this link',
    ]);
  });

  it('says what is wrong with a typed directory without echoing an example', async () => {
    const { input, root } = await open();
    input.value = 'not a domain';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'That is not a domain name or a tenant ID. Enter one such as contoso.onmicrosoft.com.',
    );
  });
});
