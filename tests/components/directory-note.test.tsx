/** @vitest-environment happy-dom */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryChecker } from '../../components/directory/check-env';
import { DirectoryNote } from '../../components/directory/DirectoryNote';
import type { DirectoryCheck } from '../../lib/directory/openid-check';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';

afterEach(cleanup);

const KNOWN: Settings['knownDirectories'] = [
  { directory: 'fabrikam.com', name: 'Fabrikam', source: 'policy' },
];
const COM = 'myaccess.microsoft.com';
const TENANT = '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
/** Renders the note for a link to `directory` on My Access's global host. */
const renderNote = (directory: string, settings: Settings, check?: DirectoryChecker) =>
  render(<DirectoryNote host={COM} directory={directory} settings={settings} check={check} />);
const codes = () =>
  [...screen.getByTestId('directory-note').querySelectorAll('p')].map((p) =>
    p.getAttribute('data-code'),
  );

describe('DirectoryNote', () => {
  it('says nothing without a list, the check or a cloud clash, and never asks the network', () => {
    const check = vi.fn();
    renderNote('contoso.com', DEFAULT_SETTINGS, check);
    expect(screen.queryByTestId('directory-note')).toBeNull();
    expect(check).not.toHaveBeenCalled();
  });

  it('warns about a directory that is not on the known list, offline', () => {
    const check = vi.fn();
    renderNote('contoso-partners.com', { ...DEFAULT_SETTINGS, knownDirectories: KNOWN }, check);
    expect(screen.getByRole('alert').textContent).toBe(
      'This link is for contoso-partners.com, which is not one of your organisation’s known partners. Check with the sender before you sign in.',
    );
    expect(check).not.toHaveBeenCalled();
  });

  it('names a known directory', () => {
    renderNote('fabrikam.com', { ...DEFAULT_SETTINGS, knownDirectories: KNOWN });
    expect(screen.getByTestId('directory-note').textContent).toContain(
      'This link is for Fabrikam (fabrikam.com), one of your organisation’s known partners.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('flags the user’s own directory opened in another cloud (the options’ cloud)', () => {
    renderNote('contoso.com', {
      ...DEFAULT_SETTINGS,
      defaultHint: 'contoso.com',
      graphCloud: 'usgov-high',
      cloud: 'usgov',
    });
    expect(codes()).toEqual(['own-cloud']);
    expect(screen.getByRole('alert').textContent).toContain('GCC High');
  });

  it.each<[DirectoryCheck, string[], RegExp]>([
    [
      { kind: 'found', tenantId: TENANT, cloud: 'global', personal: false },
      ['found'],
      /tenant 7a8b9c0d/,
    ],
    [
      { kind: 'found', tenantId: TENANT, cloud: 'usgov-high', personal: false },
      ['found', 'cloud-mismatch'],
      /opens myaccess\.microsoft\.com, but the directory is in the US Government cloud \(GCC High\)/,
    ],
    [
      {
        kind: 'found',
        tenantId: '9188040d-6c67-4c5b-b112-36a304b66dad',
        cloud: 'global',
        personal: true,
      },
      ['personal'],
      /personal Microsoft accounts/,
    ],
    [{ kind: 'not-found' }, ['not-found'], /Microsoft knows no directory contoso-partnrs\.com/],
    [{ kind: 'not-checked', reason: 'timeout' }, ['not-checked'], /not checked/],
  ])('shows the check’s answer %j', async (answer, expected, text) => {
    const check = vi.fn(() => Promise.resolve(answer));
    renderNote('contoso-partnrs.com', { ...DEFAULT_SETTINGS, directoryCheck: true }, check);
    await waitFor(() => expect(codes()).toEqual(expected));
    expect(screen.getByTestId('directory-note').textContent).toMatch(text);
    expect(check).toHaveBeenCalledWith('contoso-partnrs.com');
  });
});
