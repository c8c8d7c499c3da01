/** @vitest-environment happy-dom */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from './popup-loaded';
import { HOLD_TEXT } from '../../components/popup/state';
import { findLinksInAnchors, MAX_TEXT, type Anchor, type LinkAnalysis } from '../../lib/link';
import { G } from '../fixtures/link-rows';
import { dispatchPaste } from '../fixtures/paste-event.mjs';
import { fakeEnv } from './fake-env';

// The real engine, watched: the popup must hand it the anchors of a pasted email's HTML.
vi.mock('../../lib/link', async (original) => {
  const real = await original<typeof import('../../lib/link')>();
  return { ...real, findLinksInAnchors: vi.fn(real.findLinksInAnchors) };
});
const engine = await vi.importActual<typeof import('../../lib/link')>('../../lib/link');

const LINK = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
const LOOKALIKE = `https://myaccess-microsoft.com/@contoso.com#/access-packages/${G}`;
/** An email copied from Outlook: the text shows the genuine link, the anchor goes elsewhere. */
const DISGUISED_HTML = `<html><body><!--StartFragment--><p class=MsoNormal><span style='font-family:"Calibri",sans-serif'>Request it here: <a href="https://evil.example/x">${LINK}</a></span></p><!--EndFragment--></body></html>`;
const DISGUISED: Anchor = { href: 'https://evil.example/x', text: LINK };

function setup(initialText = '', env = fakeEnv()) {
  render(<Popup initialText={initialText} env={env} />);
  return env;
}
const verdict = () => screen.getByTestId('verdict');
const box = () => screen.getByLabelText<HTMLTextAreaElement>('Paste a link or a whole email');
/** The list of links found, named by its count line. */
const found = () => screen.getByRole('region', { name: /links found/ });
const listed = () =>
  within(found())
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const shown = () => within(found()).getByRole('button', { pressed: true }).textContent;

/** A paste as the browser dispatches it, with the flavours a copy put on the clipboard; true when
 * the popup took it over. */
const paste = (flavours: Record<string, string>) => dispatchPaste(box(), flavours, fireEvent);

/** A stand-in for the anchor engine: every anchor is a disguise leading to its href's host. */
function judgeAnchorsDangerous(anchors: Anchor[]): LinkAnalysis[] {
  return anchors.map((a) => ({
    ...engine.analyzeLink(a.href),
    input: a.href,
    link: a.href,
    verdict: 'dangerous',
    canonical: null,
    realHost: new URL(a.href).hostname,
    problems: [{ code: 'host-lookalike', severity: 'error' }],
  }));
}

afterEach(() => {
  cleanup();
  // Back to the real engine, still watched.
  vi.mocked(findLinksInAnchors).mockReset();
});

describe('Popup', () => {
  it('empty: a focused paste box and a hint, no verdict', () => {
    setup();
    expect(screen.getByLabelText('Paste a link or a whole email')).toBe(document.activeElement);
    expect(screen.getByText(/Nothing to check yet/)).toBeTruthy();
    expect(screen.queryByTestId('verdict')).toBeNull();
  });

  it('valid: says genuine and complete, shows the parts, copies and opens the canonical link, records both', async () => {
    const env = setup(`Hi, ${LINK}.`);
    expect(verdict().dataset.verdict).toBe('valid');
    expect(verdict().textContent).toContain('Genuine and complete');
    expect(screen.getByTestId('hint').textContent).toBe('contoso.com');
    expect(screen.getByTestId('canonical').textContent).toBe(LINK);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByRole('button', { name: 'Copied' });
    expect(env.copy).toHaveBeenCalledWith(LINK);
    fireEvent.click(screen.getByRole('button', { name: 'Open link' }));
    await waitFor(() => expect(env.open).toHaveBeenCalledWith(LINK));
    await waitFor(() =>
      expect(env.addHistory.mock.calls.map((c) => c[0].action)).toEqual([
        'checked',
        'copied',
        'opened',
      ]),
    );
  });

  it('repairable: asks only for what is missing, validates it and shows the repaired link at once', () => {
    setup(`https://myaccess.microsoft.com/#/access-packages/${G}`);
    expect(verdict().textContent).toContain('Genuine but incomplete');
    expect(screen.queryByLabelText('Access package ID')).toBeNull();
    const field = screen.getByLabelText("Organisation's domain or tenant ID");
    fireEvent.input(field, { target: { value: 'contoso' } });
    expect(verdict().textContent).toContain('not a domain name or a tenant ID');
    expect(screen.queryByTestId('canonical')).toBeNull();
    fireEvent.input(field, { target: { value: 'contoso.com' } });
    expect(verdict().dataset.verdict).toBe('valid');
    // The words follow the repair, not the link as it came.
    expect(verdict().textContent).toContain(
      'This link opens the access package in the right organisation.',
    );
    expect(verdict().textContent).not.toContain('misses what the partner needs');
    expect(screen.getByTestId('canonical').textContent).toBe(LINK);
  });

  it('repairable: the hint the user confirmed last is offered, and said to be a suggestion', async () => {
    const env = fakeEnv({ hints: ['fabrikam.com'] });
    render(<Popup env={env} />);
    await waitFor(() => expect(env.addHistory).not.toHaveBeenCalled());
    fireEvent.input(screen.getByLabelText('Paste a link or a whole email'), {
      target: { value: `https://myaccess.microsoft.com/#/access-packages/${G}` },
    });
    expect(
      screen.getByLabelText<HTMLInputElement>("Organisation's domain or tenant ID").value,
    ).toBe('fabrikam.com');
    expect(verdict().textContent).toContain('check it is the sender’s organisation');
  });

  it('dangerous: says so in words, names where it really leads, offers no copy or open', () => {
    setup(`https://myaccess.microsoft.com@evil.example/#/access-packages/${G}`);
    expect(verdict().dataset.verdict).toBe('dangerous');
    expect(verdict().textContent).toContain('Dangerous: not a real My Access link');
    expect(verdict().textContent).toContain('It really leads to: evil.example');
    expect(
      verdict().querySelector('[data-code="host-userinfo"]')?.getAttribute('data-severity'),
    ).toBe('error');
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });

  it('invalid: says it is not a My Access link', () => {
    setup('https://www.contoso.com/about');
    expect(verdict().dataset.verdict).toBe('invalid');
    expect(verdict().textContent).toContain('This is not a My Access link.');
  });

  it('several links: lists each in text order with its verdict, opens on the dangerous one, shows the one chosen', () => {
    setup(
      `One ${LINK}\nTwo ${LOOKALIKE}\nThree https://myaccess.microsoft.com/#/access-packages/${G}`,
    );
    expect(found().textContent).toContain('3 links found: 1 dangerous, 1 incomplete, 1 genuine');
    expect(
      screen.getByRole('region', { name: '3 links found: 1 dangerous, 1 incomplete, 1 genuine' }),
    ).toBe(found());
    expect(listed()).toEqual([
      `Genuine and complete — ${LINK}`,
      `Dangerous: not a real My Access link — ${LOOKALIKE}`,
      `Genuine but incomplete — https://myaccess.microsoft.com/#/access-packages/${G}`,
    ]);
    // Buttons that say which is shown, not only by colour.
    expect(within(found()).getAllByRole('button', { pressed: false })).toHaveLength(2);
    expect(shown()).toContain(LOOKALIKE);
    expect(verdict().dataset.verdict).toBe('dangerous');
    fireEvent.click(within(found()).getByRole('button', { name: /Genuine but incomplete/ }));
    expect(verdict().dataset.verdict).toBe('repairable');
    expect(shown()).toContain('Genuine but incomplete');
  });

  it('several links of one kind: the count agrees in number', () => {
    setup(`${LINK} ${LINK.replace('contoso.com', 'fabrikam.com')}`);
    expect(screen.getByText('2 links found: 2 genuine')).toBeTruthy();
    // Nothing worse than genuine: the first link, as before.
    expect(shown()).toContain(LINK);
  });

  it('paste: a genuine link first and a look-alike second opens on the look-alike; a click on the first sticks until the text changes', async () => {
    const env = setup();
    expect(paste({ 'text/plain': `Hi,\n${LINK}\nor ${LOOKALIKE}\n` })).toBe(true);
    expect(box().value).toBe(`Hi,\n${LINK}\nor ${LOOKALIKE}\n`);
    expect(screen.getByText('2 links found: 1 dangerous, 1 genuine')).toBeTruthy();
    expect(verdict().dataset.verdict).toBe('dangerous');
    expect(verdict().querySelector('h2')!.textContent).toBe('Dangerous: not a real My Access link');
    expect(shown()).toContain(LOOKALIKE);
    // One entry per paste: the link the popup opens on.
    await waitFor(() =>
      expect(env.addHistory.mock.calls.map((c) => [c[0].verdict, c[0].link])).toEqual([
        ['dangerous', LOOKALIKE],
      ]),
    );

    fireEvent.click(within(found()).getByRole('button', { name: /Genuine and complete/ }));
    expect(verdict().dataset.verdict).toBe('valid');
    expect(shown()).toContain(LINK);
    // Still chosen once the history and settings have loaded and the popup drew again.
    await waitFor(() => expect(env.addHistory).toHaveBeenCalledTimes(1));
    fireEvent.click(await screen.findByText('Recent links (1)'));
    expect(verdict().dataset.verdict).toBe('valid');
    // An edit is a new text: the popup opens on the worst link again.
    fireEvent.input(box(), { target: { value: `${box().value} ` } });
    expect(verdict().dataset.verdict).toBe('dangerous');
  });

  it('paste goes in where the caret is, over the selection, as the browser would', () => {
    setup();
    fireEvent.input(box(), { target: { value: 'Link: [here], thanks' } });
    box().setSelectionRange(6, 12);
    paste({ 'text/plain': LINK });
    expect(box().value).toBe(`Link: ${LINK}, thanks`);
    expect(box().selectionStart).toBe(6 + LINK.length);
    expect(verdict().dataset.verdict).toBe('valid');
  });

  it('paste reads the HTML flavour too: the anchors found there go to the link engine', () => {
    setup();
    paste({ 'text/plain': `Request it here: ${LINK}`, 'text/html': DISGUISED_HTML });
    expect(box().value).toBe(`Request it here: ${LINK}`);
    expect(findLinksInAnchors).toHaveBeenCalledWith([DISGUISED]);
  });

  it('paste: an anchor the engine judges dangerous wins over the genuine-looking text, is counted, and is recorded', async () => {
    vi.mocked(findLinksInAnchors).mockImplementation(judgeAnchorsDangerous);
    const env = setup();
    paste({ 'text/plain': `Request it here: ${LINK}`, 'text/html': DISGUISED_HTML });
    expect(box().value).toBe(`Request it here: ${LINK}`);
    expect(verdict().dataset.verdict).toBe('dangerous');
    expect(verdict().textContent).toContain('It really leads to: evil.example');
    expect(screen.getByText('2 links found: 1 dangerous, 1 genuine')).toBeTruthy();
    expect(listed()).toEqual([
      `Genuine and complete — ${LINK}`,
      'Dangerous: not a real My Access link — https://evil.example/x',
    ]);
    expect(shown()).toContain('https://evil.example/x');
    await waitFor(() =>
      expect(env.addHistory.mock.calls.map((c) => [c[0].verdict, c[0].link])).toEqual([
        ['dangerous', 'https://evil.example/x'],
      ]),
    );
  });

  it('paste: an anchor naming a link the text has is listed once', () => {
    vi.mocked(findLinksInAnchors).mockImplementation((anchors) =>
      anchors.flatMap((a) => engine.findLinks(a.href)),
    );
    setup();
    paste({
      'text/plain': `Request it here: ${LINK}`,
      'text/html': `<p>Request it here: <a href="${LINK}">${LINK}</a></p>`,
    });
    expect(findLinksInAnchors).toHaveBeenCalled();
    expect(screen.queryByText(/links found/)).toBeNull();
    expect(verdict().dataset.verdict).toBe('valid');
  });

  it('paste: when the anchor of the same link is judged worse than the text, the worse verdict is the one listed', () => {
    vi.mocked(findLinksInAnchors).mockImplementation(judgeAnchorsDangerous);
    setup();
    const ported = LINK.replace('.com/', '.com:8443/');
    paste({
      'text/plain': `Try ${ported} or ${LINK}`,
      'text/html': `<p>Try <a href="${ported}">${ported}</a> or ${LINK}</p>`,
    });
    // Text order kept; the text's "Not a My Access link" gave way to the anchor's verdict.
    expect(listed()).toEqual([
      `Dangerous: not a real My Access link — ${ported}`,
      `Genuine and complete — ${LINK}`,
    ]);
    expect(verdict().dataset.verdict).toBe('dangerous');
  });

  it('the anchors belong to their paste: typing drops them, and a new paste replaces them', () => {
    vi.mocked(findLinksInAnchors).mockImplementation(judgeAnchorsDangerous);
    setup();
    paste({ 'text/plain': LINK, 'text/html': `<a href="https://evil.example/x">${LINK}</a>` });
    expect(verdict().dataset.verdict).toBe('dangerous');
    fireEvent.input(box(), { target: { value: `${LINK} ` } });
    expect(verdict().dataset.verdict).toBe('valid');
    expect(screen.queryByText(/links found/)).toBeNull();

    paste({ 'text/plain': ' again', 'text/html': `<a href="https://evil.example/y">${LINK}</a>` });
    expect(screen.getByText('2 links found: 1 dangerous, 1 genuine')).toBeTruthy();
    expect(verdict().textContent).toContain('It really leads to: evil.example');
    paste({ 'text/plain': '!' });
    expect(box().value).toBe(`${LINK}  again!`);
    expect(verdict().dataset.verdict).toBe('valid');
  });

  it('paste: with the real engine, a genuine-looking link whose anchor goes elsewhere is dangerous', () => {
    setup();
    paste({ 'text/plain': `Request it here: ${LINK}`, 'text/html': DISGUISED_HTML });
    expect(box().value).toBe(`Request it here: ${LINK}`);
    expect(verdict().dataset.verdict).toBe('dangerous');
    expect(verdict().textContent).toContain('It really leads to: evil.example');
    // One link, the anchor: the genuine-looking text is only its display, not a second, genuine link.
    expect(screen.queryByRole('region', { name: /links found/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });

  it('paste: a genuine link of its own beside a disguised anchor is still listed', () => {
    setup();
    const other = LINK.replace('contoso.com', 'fabrikam.com');
    paste({
      'text/plain': `Request it here: ${LINK}\nor here: ${other}`,
      'text/html': `${DISGUISED_HTML}<p>or here: <a href="${other}">${other}</a></p>`,
    });
    expect(found().textContent).toContain('2 links found: 1 dangerous, 1 genuine');
    expect(shown()).toContain('evil.example');
  });

  it('context menu: the right-clicked link is checked against its text, so a disguised target is dangerous', () => {
    render(
      <Popup
        env={fakeEnv()}
        initialText="https://evil.example/login"
        initialAnchors={[{ href: 'https://evil.example/login', text: LINK }]}
      />,
    );
    expect(verdict().dataset.verdict).toBe('dangerous');
    expect(verdict().querySelector('[data-code="text-target-mismatch"]')).not.toBeNull();
    expect(verdict().textContent).toContain('It really leads to: evil.example');
  });

  it('a text longer than the engine reads says that only its start is checked', () => {
    setup(`${LINK} ${'x'.repeat(MAX_TEXT)}`);
    expect(screen.getByRole('status').textContent).toContain('Only the first');
    expect(verdict().dataset.verdict).toBe('valid');
  });

  it('a failed copy says what to do instead', async () => {
    setup(LINK, fakeEnv({ copyOk: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect((await screen.findByRole('alert')).textContent).toContain('press Ctrl+C');
  });

  it('shows the link as a QR code on request', async () => {
    setup(LINK);
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
    const qr = await screen.findByRole('img', { name: 'QR code of the complete link' });
    expect(qr.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(qr.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(500);
    fireEvent.click(screen.getByRole('button', { name: 'Hide QR code' }));
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('opens on the My Access link of the current tab', async () => {
    render(
      <Popup env={fakeEnv({ tabUrl: `https://myaccess.microsoft.com/#/access-packages/${G}` })} />,
    );
    await waitFor(() => expect(verdict().dataset.verdict).toBe('repairable'));
  });

  it('a tab whose URL hides a My Access link inside a link elsewhere opens as dangerous, never as genuine', async () => {
    // The browser's own form of `https://evil.example/](https://myaccess…`.
    render(
      <Popup
        env={fakeEnv({
          tabUrl: `https://evil.example/%5D(https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
        })}
      />,
    );
    await waitFor(() => expect(verdict().dataset.verdict).toBe('dangerous'));
    expect(verdict().textContent).toContain('It really leads to: evil.example');
  });

  it('opens on the package of the current portal tab, completing its link from the settings', async () => {
    const env = fakeEnv({
      settings: { defaultHint: 'contoso.com' },
      state: {
        type: 'portal',
        accessPackageId: G,
        tenant: null,
        cloud: 'global',
        facts: { packageName: 'Sales partners', hidden: true, catalogName: 'General', link: null },
      },
    });
    render(<Popup env={env} />);
    const pkg = await screen.findByTestId('package');
    expect(pkg.textContent).toContain('Sales partners');
    expect(screen.getByTestId('hidden-note').textContent).toContain('Only the complete link');
    expect(screen.getByTestId('canonical').textContent).toBe(LINK);
    // What the page told is a finding with its source; what it could not tell is "not checked".
    const findings = screen.getByTestId('eligibility');
    expect(findings.querySelector('[data-code="hidden"]')!.textContent).toContain(
      '(from this page)',
    );
    // ...said once: "Not checked: …", with no "(not checked)" after it.
    expect(
      findings
        .querySelector('[data-code="catalog-external-unchecked"]')!
        .textContent.match(/not checked/gi),
    ).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(env.rememberHint).toHaveBeenCalledWith('contoso.com'));
    expect(env.copy).toHaveBeenCalledWith(LINK);
  });

  it('a portal package without a known directory asks for it', async () => {
    render(
      <Popup
        env={fakeEnv({
          state: { type: 'portal', accessPackageId: G, tenant: null, cloud: 'usgov', facts: null },
        })}
      />,
    );
    await screen.findByTestId('package');
    expect(screen.queryByTestId('canonical')).toBeNull();
    fireEvent.input(screen.getByLabelText("Organisation's domain or tenant ID"), {
      target: { value: 'contoso.us' },
    });
    expect(screen.getByTestId('canonical').textContent).toBe(
      `https://myaccess.microsoft.us/@contoso.us#/access-packages/${G}`,
    );
  });

  it('history: lists recent links, re-checks one, exports CSV and clears', async () => {
    const env = fakeEnv({
      history: [
        {
          link: LINK,
          verdict: 'valid',
          directoryHint: 'contoso.com',
          at: '2026-11-20T10:00:00.000Z',
          action: 'copied',
        },
      ],
    });
    render(<Popup env={env} />);
    fireEvent.click(await screen.findByText('Recent links (1)'));
    fireEvent.click(screen.getByRole('button', { name: /Genuine and complete/ }));
    expect(verdict().dataset.verdict).toBe('valid');
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    expect(env.download.mock.calls[0]![1]).toContain(
      `"2026-11-20T10:00:00.000Z","copied","valid","contoso.com","${LINK}"`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    await waitFor(() => expect(screen.queryByText(/Recent links/)).toBeNull());
  });

  describe('issue 15', () => {
    const PORTAL = {
      type: 'portal',
      accessPackageId: G,
      tenant: null,
      cloud: 'global',
      facts: { packageName: 'Sales partners', hidden: true, catalogName: 'General', link: null },
    } as const;

    it('200 identical links in a paste: one entry with its count, a summary by kind, one history entry', async () => {
      const env = setup();
      const thread = Array.from({ length: 200 }, (_, i) => `> ${i}: ${LINK}`).join('\n');
      paste({ 'text/plain': `${thread}\nand ${LOOKALIKE}` });
      expect(found().querySelector('p')!.textContent).toBe(
        '201 links found: 1 dangerous, 200 genuine (2 different links)',
      );
      expect(listed()).toEqual([
        `Genuine and complete — ${LINK} (200 times)`,
        `Dangerous: not a real My Access link — ${LOOKALIKE}`,
      ]);
      await waitFor(() => expect(env.addHistory).toHaveBeenCalledTimes(1));
      expect(env.addHistory.mock.calls[0]![0]).toMatchObject({
        link: LOOKALIKE,
        action: 'checked',
      });
    });

    it('one link repeated: the count is said even without a choice to make', () => {
      setup(`${LINK}\n${LINK}\n${LINK}`);
      expect(found().querySelector('p')!.textContent).toBe(
        '3 links found: 3 genuine (1 different link)',
      );
      expect(listed()).toEqual([`Genuine and complete — ${LINK} (3 times)`]);
    });

    it('typing in a large text: the verdict follows once typing pauses, not on each keystroke', () => {
      vi.useFakeTimers();
      try {
        setup();
        const big = `${'Quarterly report, nothing to see. '.repeat(1_000)}\n${LINK}\n`;
        paste({ 'text/plain': big });
        // The verdict at once; the box takes the text a frame later (laying it out is the slow part).
        expect(verdict().dataset.verdict).toBe('valid');
        void act(() => void vi.advanceTimersByTime(50));
        expect(box().value).toBe(big);
        // A keystroke that makes the link a look-alike: not analysed yet, and said so.
        fireEvent.input(box(), {
          target: { value: big.replace('myaccess.microsoft', 'myaccess-microsoft') },
        });
        expect(verdict().dataset.verdict).toBe('valid');
        expect(screen.getByText('Checking the text…')).toBeTruthy();
        void act(() => void vi.advanceTimersByTime(300));
        expect(verdict().dataset.verdict).toBe('dangerous');
        expect(screen.queryByText('Checking the text…')).toBeNull();
        // A short text is still judged as it is typed.
        fireEvent.input(box(), { target: { value: LINK } });
        expect(verdict().dataset.verdict).toBe('valid');
      } finally {
        vi.useRealTimers();
      }
    });

    it('a paste too long for the box is checked and held beside it; typing, editing and clearing', async () => {
      const env = setup();
      const thread = `${'> Quoted reply with its signature and footer. '.repeat(2_600)}\n${LINK}\n`;
      expect(thread.length).toBeGreaterThan(HOLD_TEXT);
      paste({ 'text/plain': thread });
      // Checked at once, and the box stays empty, so a keystroke costs nothing extra.
      expect(verdict().dataset.verdict).toBe('valid');
      expect(box().value).toBe('');
      const held = () => screen.queryByTestId('held-paste');
      expect(held()!.textContent).toContain(
        `(${thread.length.toLocaleString()} characters) is checked`,
      );
      await waitFor(() => expect(env.addHistory).toHaveBeenCalledTimes(1));
      // Typing starts a new check.
      fireEvent.input(box(), { target: { value: LOOKALIKE } });
      expect(held()).toBeNull();
      expect(verdict().dataset.verdict).toBe('dangerous');
      /** Pastes the thread into the emptied box, then presses a held-paste button from the keyboard
       * (the focus is on the button, which then goes away). */
      const pasteAndPress = (name: string) => {
        fireEvent.input(box(), { target: { value: '' } });
        paste({ 'text/plain': thread });
        const button = screen.getByRole('button', { name });
        button.focus();
        fireEvent.click(button);
      };
      // Editing puts the text in the box after all.
      pasteAndPress('Edit it in the box');
      expect(held()).toBeNull();
      expect(box().value).toBe(thread);
      expect(document.activeElement).toBe(box());
      expect(verdict().dataset.verdict).toBe('valid');
      // Clearing lets go of it: nothing checked, the box focused for the next paste.
      pasteAndPress('Clear');
      expect(held()).toBeNull();
      expect(screen.queryByTestId('verdict')).toBeNull();
      expect(document.activeElement).toBe(box());
    });

    it.each([
      `https://myaccess.microsoft.com/@contoso.com`,
      `https://myaccess.microsoft.com/@contoso.com#/access-packages`,
    ])(
      'organisation link %s: says it opens the organisation’s My Access, asks for no package id',
      (link) => {
        setup(link);
        expect(verdict().querySelector('h2')!.textContent).toBe(
          'Organisation link, not a package link',
        );
        expect(verdict().textContent).toContain(
          'This opens the My Access of contoso.com, not a particular access package. If you were sent it to request one, ask the sender for the package link.',
        );
        expect(screen.queryByLabelText(/Access package ID/i)).toBeNull();
        expect(verdict().querySelector('input')).toBeNull();
        expect(verdict().dataset.kind).toBe('organisation');
      },
    );

    it('a cut package link is still repaired, not called an organisation link', () => {
      setup(`https://myaccess.microsoft.com/#/access-packages/${G}`);
      expect(verdict().dataset.kind).toBeUndefined();
      expect(screen.getByLabelText("Organisation's domain or tenant ID")).toBeTruthy();
    });

    it('a typed consumer mail domain gets a warning, not a green card, and is not remembered', async () => {
      const env = setup(`https://myaccess.microsoft.com/#/access-packages/${G}`);
      fireEvent.input(screen.getByLabelText("Organisation's domain or tenant ID"), {
        target: { value: 'gmail.com' },
      });
      expect(verdict().dataset.kind).toBe('caution');
      expect(verdict().querySelector('h2')!.textContent).toBe('Check the organisation first');
      expect(screen.getByTestId('directory-warning').textContent).toContain(
        'gmail.com is a personal mailbox provider, not an organisation',
      );
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
      await waitFor(() => expect(env.copy).toHaveBeenCalled());
      expect(env.rememberHint).not.toHaveBeenCalled();
    });

    it('a typed address is turned into its domain on request; a typo of a confirmed directory is flagged', async () => {
      const env = fakeEnv({ hints: ['contoso.com'] });
      render(<Popup env={env} />);
      await waitFor(() => expect(env.addHistory).not.toHaveBeenCalled());
      await act(async () => {}); // the confirmed hints have loaded
      fireEvent.input(box(), {
        target: { value: `https://myaccess.microsoft.com/#/access-packages/${G}` },
      });
      const field = () =>
        screen.getByLabelText<HTMLInputElement>("Organisation's domain or tenant ID");
      expect(field().value).toBe('contoso.com');
      fireEvent.input(field(), { target: { value: 'anna@fabrikam.com' } });
      expect(screen.getByTestId('directory-warning').dataset.code).toBe('address');
      fireEvent.click(screen.getByRole('button', { name: 'Use fabrikam.com' }));
      expect(field().value).toBe('fabrikam.com');
      expect(screen.getByTestId('canonical').textContent).toBe(
        LINK.replace('contoso.com', 'fabrikam.com'),
      );
      fireEvent.input(field(), { target: { value: 'contosso.com' } });
      expect(screen.getByTestId('directory-warning').textContent).toContain(
        'contosso.com differs by a letter or two from contoso.com',
      );
      fireEvent.click(screen.getByRole('button', { name: 'Use contoso.com' }));
      expect(screen.queryByTestId('directory-warning')).toBeNull();
      expect(verdict().dataset.kind).toBeUndefined();
    });

    it('a link handed over incomplete (context menu) starts with the focus on the field it needs', () => {
      setup(`https://myaccess.microsoft.com/#/access-packages/${G}`);
      expect(document.activeElement).toBe(
        screen.getByLabelText("Organisation's domain or tenant ID"),
      );
    });

    it('the QR code opens as a panel that takes the focus', () => {
      setup(LINK);
      fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
      const panel = screen.getByRole('region', { name: 'QR code of the complete link' });
      expect(document.activeElement).toBe(panel);
    });

    it('portal: without Graph the partner field is replaced by what it would need', async () => {
      render(<Popup env={fakeEnv({ settings: { defaultHint: 'contoso.com' }, state: PORTAL })} />);
      await screen.findByTestId('package');
      expect(screen.queryByLabelText(/Partner's email or domain/)).toBeNull();
      expect(screen.getByTestId('partner-needs-graph').textContent).toContain(
        'can only be checked with Microsoft Graph',
      );
    });

    it('portal: the admin answering that the catalog is closed to externals turns the card and badge from green, and Copy shows why', async () => {
      const env = fakeEnv({ settings: { defaultHint: 'contoso.com' }, state: PORTAL });
      render(<Popup env={env} />);
      const pkg = await screen.findByTestId('package');
      expect(pkg.dataset.verdict).toBe('valid');
      // Focus starts on the view's primary action, not on the paste box below it.
      await waitFor(() =>
        expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy link' })),
      );
      expect(screen.queryByTestId('blocking-note')).toBeNull();
      await waitFor(() => expect(env.packageBadge).toHaveBeenLastCalledWith(false, null));
      fireEvent.change(screen.getByLabelText('Is its catalog enabled for external users?'), {
        target: { value: 'false' },
      });
      await waitFor(() => expect(pkg.dataset.verdict).toBe('repairable'));
      expect(pkg.dataset.kind).toBe('blocked');
      const note = screen.getByTestId('blocking-note');
      expect(note.textContent).toContain('Partners cannot request this package yet');
      expect(note.querySelector('[data-code="catalog-not-external"]')).toBeTruthy();
      // Beside the buttons it concerns: right before Copy.
      expect(
        note.compareDocumentPosition(screen.getByRole('button', { name: 'Copy link' })) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      await waitFor(() => expect(env.packageBadge).toHaveBeenLastCalledWith(true, null));
      expect(env.saveAnswers).toHaveBeenCalledWith(G, { catalogExternal: false });
    });
  });
});
