/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import { findLinksInAnchors, MAX_TEXT, type Anchor, type LinkAnalysis } from '../../lib/link';
import { G } from '../fixtures/link-rows';
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
const box = () => screen.getByLabelText('Paste a link or a whole email') as HTMLTextAreaElement;
/** The list of links found, named by its count line. */
const found = () => screen.getByRole('region', { name: /links found/ });
const listed = () =>
  within(found())
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const shown = () => within(found()).getByRole('button', { pressed: true }).textContent;

/** A paste as the browser dispatches it, with the flavours a copy put on the clipboard. */
function paste(flavours: Record<string, string>) {
  const data = new DataTransfer();
  for (const [type, value] of Object.entries(flavours)) data.setData(type, value);
  const event = new ClipboardEvent('paste', {
    clipboardData: data,
    bubbles: true,
    cancelable: true,
  });
  fireEvent(box(), event);
  return event;
}

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
    expect(verdict().textContent).toContain('not a domain (contoso.com)');
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
      (screen.getByLabelText("Organisation's domain or tenant ID") as HTMLInputElement).value,
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
    const event = paste({ 'text/plain': `Hi,\n${LINK}\nor ${LOOKALIKE}\n` });
    expect(event.defaultPrevented).toBe(true);
    expect(box().value).toBe(`Hi,\n${LINK}\nor ${LOOKALIKE}\n`);
    expect(screen.getByText('2 links found: 1 dangerous, 1 genuine')).toBeTruthy();
    expect(verdict().dataset.verdict).toBe('dangerous');
    expect(verdict().querySelector('h2')!.textContent).toBe('Dangerous: not a real My Access link');
    expect(shown()).toContain(LOOKALIKE);
    await waitFor(() =>
      expect(env.addHistory.mock.calls.map((c) => [c[0].verdict, c[0].link])).toEqual([
        ['valid', LINK],
        ['dangerous', LOOKALIKE],
      ]),
    );

    fireEvent.click(within(found()).getByRole('button', { name: /Genuine and complete/ }));
    expect(verdict().dataset.verdict).toBe('valid');
    expect(shown()).toContain(LINK);
    // Still chosen once the history and settings have loaded and the popup drew again.
    await waitFor(() => expect(env.addHistory).toHaveBeenCalledTimes(2));
    fireEvent.click(await screen.findByText('Recent links (2)'));
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
        ['valid', LINK],
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
    expect(
      findings.querySelector('[data-code="catalog-external-unchecked"]')!.textContent,
    ).toContain('(not checked)');
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
});
