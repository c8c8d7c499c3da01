/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import { G } from '../fixtures/link-rows';
import { fakeEnv } from './fake-env';

const LINK = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
function setup(initialText = '', env = fakeEnv()) {
  render(<Popup initialText={initialText} env={env} />);
  return env;
}
const verdict = () => screen.getByTestId('verdict');

afterEach(cleanup);

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
    await waitFor(() => expect(env.addHistory.mock.calls.map((c) => c[0].action)).toEqual(['checked', 'copied', 'opened']));
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
    expect(verdict().textContent).toContain('This link opens the access package in the right organisation.');
    expect(verdict().textContent).not.toContain('misses what the partner needs');
    expect(screen.getByTestId('canonical').textContent).toBe(LINK);
  });

  it('repairable: the hint the user confirmed last is offered, and said to be a suggestion', async () => {
    const env = fakeEnv({ hints: ['fabrikam.com'] });
    render(<Popup env={env} />);
    await waitFor(() => expect(env.addHistory).not.toHaveBeenCalled());
    fireEvent.input(screen.getByLabelText('Paste a link or a whole email'), { target: { value: `https://myaccess.microsoft.com/#/access-packages/${G}` } });
    expect((screen.getByLabelText("Organisation's domain or tenant ID") as HTMLInputElement).value).toBe('fabrikam.com');
    expect(verdict().textContent).toContain('check it is the sender’s organisation');
  });

  it('dangerous: says so in words, names where it really leads, offers no copy or open', () => {
    setup(`https://myaccess.microsoft.com@evil.example/#/access-packages/${G}`);
    expect(verdict().dataset.verdict).toBe('dangerous');
    expect(verdict().textContent).toContain('Dangerous: not a real My Access link');
    expect(verdict().textContent).toContain('It really leads to: evil.example');
    expect(verdict().querySelector('[data-code="host-userinfo"]')?.getAttribute('data-severity')).toBe('error');
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });

  it('invalid: says it is not a My Access link', () => {
    setup('https://www.contoso.com/about');
    expect(verdict().dataset.verdict).toBe('invalid');
    expect(verdict().textContent).toContain('This is not a My Access link.');
  });

  it('several links: lists each with its verdict and shows the one chosen', () => {
    setup(`One ${LINK}\nTwo https://myaccess-microsoft.com/@contoso.com#/access-packages/${G}`);
    expect(screen.getByText('2 links found: choose one')).toBeTruthy();
    expect(screen.getAllByRole('button', { pressed: true })).toHaveLength(1);
    expect(verdict().dataset.verdict).toBe('valid');
    fireEvent.click(screen.getByRole('button', { name: /Dangerous/ }));
    expect(verdict().dataset.verdict).toBe('dangerous');
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
    render(<Popup env={fakeEnv({ tabUrl: `https://myaccess.microsoft.com/#/access-packages/${G}` })} />);
    await waitFor(() => expect(verdict().dataset.verdict).toBe('repairable'));
  });

  it('opens on the package of the current portal tab, completing its link from the settings', async () => {
    const env = fakeEnv({
      settings: { defaultHint: 'contoso.com' },
      state: { type: 'portal', accessPackageId: G, tenant: null, cloud: 'global', facts: { packageName: 'Sales partners', hidden: true, catalogName: 'General', link: null } },
    });
    render(<Popup env={env} />);
    const pkg = await screen.findByTestId('package');
    expect(pkg.textContent).toContain('Sales partners');
    expect(screen.getByTestId('hidden-note').textContent).toContain('Only the complete link');
    expect(screen.getByTestId('canonical').textContent).toBe(LINK);
    // What the page told is a finding with its source; what it could not tell is "not checked".
    const findings = screen.getByTestId('eligibility');
    expect(findings.querySelector('[data-code="hidden"]')!.textContent).toContain('(from this page)');
    expect(findings.querySelector('[data-code="catalog-external-unchecked"]')!.textContent).toContain('(not checked)');
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(env.rememberHint).toHaveBeenCalledWith('contoso.com'));
    expect(env.copy).toHaveBeenCalledWith(LINK);
  });

  it('a portal package without a known directory asks for it', async () => {
    render(<Popup env={fakeEnv({ state: { type: 'portal', accessPackageId: G, tenant: null, cloud: 'usgov', facts: null } })} />);
    await screen.findByTestId('package');
    expect(screen.queryByTestId('canonical')).toBeNull();
    fireEvent.input(screen.getByLabelText("Organisation's domain or tenant ID"), { target: { value: 'contoso.us' } });
    expect(screen.getByTestId('canonical').textContent).toBe(`https://myaccess.microsoft.us/@contoso.us#/access-packages/${G}`);
  });

  it('history: lists recent links, re-checks one, exports CSV and clears', async () => {
    const env = fakeEnv({ history: [{ link: LINK, verdict: 'valid', directoryHint: 'contoso.com', at: '2026-11-20T10:00:00.000Z', action: 'copied' }] });
    render(<Popup env={env} />);
    fireEvent.click(await screen.findByText('Recent links (1)'));
    fireEvent.click(screen.getByRole('button', { name: /Genuine and complete/ }));
    expect(verdict().dataset.verdict).toBe('valid');
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    expect(env.download.mock.calls[0]![1]).toContain(`"2026-11-20T10:00:00.000Z","copied","valid","contoso.com","${LINK}"`);
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    await waitFor(() => expect(screen.queryByText(/Recent links/)).toBeNull());
  });
});
