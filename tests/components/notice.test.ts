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

async function open() {
  await fakeBrowser.storage.local.set({ recentHints: ['fabrikam.com'] });
  const controller = new AbortController();
  await showIncompleteNotice(parseMyAccessPage(MISSING_HINT)!.analysis, controller.signal);
  const host = document.querySelector<HTMLElement>('[data-testid="ald-notice"]')!;
  const root = host.shadowRoot!;
  const buttons = [...root.querySelectorAll('button')];
  return {
    host,
    input: root.querySelector('input')!,
    card: root.querySelector('section')!,
    repair: root.querySelector<HTMLButtonElement>('[data-testid="ald-repair"]')!,
    dismiss: buttons.find((b) => b.textContent === 'Dismiss')!,
  };
}

type Notice = Awaited<ReturnType<typeof open>>;

/** Lets the notice's storage writes (if any) finish. */
const settle = () => new Promise((r) => setTimeout(r, 20));

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

  it('ignores Dismiss clicked and Escape pressed by page script: the notice stays', async () => {
    const { host, input, dismiss } = await open();
    dismiss.click();
    input.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await settle();
    expect(host.isConnected).toBe(true);
    expect(await stored()).toEqual({ recentHints: ['fabrikam.com'] });
  });

  it("repairs on the user's own click, storing the hint first", async () => {
    const { input, repair } = await open();
    input.value = 'Contoso.OnMicrosoft.com';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    repair.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() =>
      expect(assign).toHaveBeenCalledWith(
        `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`,
      ),
    );
    expect((await stored()).recentHints).toEqual(['contoso.onmicrosoft.com', 'fabrikam.com']);
  });

  it.each<[string, (n: Notice) => void]>([
    [
      'click on Dismiss',
      (n) => n.dismiss.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true }))),
    ],
    [
      'Escape',
      (n) =>
        n.input.dispatchEvent(
          trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
        ),
    ],
  ])("dismisses on the user's own %s, and remembers it", async (_, act) => {
    const notice = await open();
    act(notice);
    expect(notice.host.isConnected).toBe(false);
    await vi.waitFor(async () =>
      expect((await stored()).dismissedNotices).toEqual([
        parseMyAccessPage(MISSING_HINT)!.analysis.link,
      ]),
    );
  });
});
