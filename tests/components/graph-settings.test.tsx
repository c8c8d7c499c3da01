/** @vitest-environment happy-dom */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphSettings } from '../../components/options/GraphSettings';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { TOKENS, fakeGraphEnv } from './fake-env';

const CLIENT = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';
afterEach(cleanup);

function show(settings: Partial<Settings>, graph = fakeGraphEnv()) {
  const props = {
    settings: { ...DEFAULT_SETTINGS, graphClientId: CLIENT, ...settings },
    clientOk: true,
    change: vi.fn(),
    store: { load: () => Promise.resolve(DEFAULT_SETTINGS), save: () => Promise.resolve() },
    graph,
  };
  // Through the props type: other settings of this view may come and go.
  render(<GraphSettings {...(props as unknown as Parameters<typeof GraphSettings>[0])} />);
}

const text = () => document.body.textContent ?? '';

describe('Microsoft Graph setup', () => {
  it('says what to register, where, which permissions (and their consent) and which role', () => {
    show({ defaultHint: 'contoso.onmicrosoft.com' });
    const all = text();
    // The tenant that owns the packages, and the US Government admin centre for GCC High / DoD.
    expect(all).toContain('Register the app in the tenant that owns the access packages');
    expect(all).toContain('or make it multi-tenant');
    expect(all).toContain('For GCC High and DoD, register it in the US Government');
    // Delegated EntitlementManagement.Read.All always needs admin consent; User.Read fills the hint.
    expect(all).toContain(
      'EntitlementManagement.Read.All, which always needs an administrator’s consent',
    );
    expect(all).toContain('User.Read');
    // Catalog reader on the package's own catalog; connected organisations need an Entra role.
    expect(all).toContain('Catalog reader on the package’s own catalog');
    expect(all).toContain('Listing connected organisations accepts no catalog role');
    expect(all).toContain('Identity Governance Administrator');
    expect(all).not.toMatch(/Catalog reader is enough|Catalog reader at least/);
    expect(all).toContain(
      'Sign-in goes to the directory contoso.onmicrosoft.com: the app must be registered there',
    );
  });

  it('without a directory hint, warns that only a multi-tenant app can sign in', () => {
    show({ defaultHint: '' });
    expect(text()).toContain('works only for a multi-tenant app');
  });

  it('"signed in until" is the end of the sign-in (24 hours after it started), not the token’s hour', async () => {
    document.documentElement.lang = 'en';
    show({ defaultHint: 'contoso.onmicrosoft.com' }, fakeGraphEnv({ tokens: TOKENS }));
    const fmt = (ms: number) =>
      new Intl.DateTimeFormat('en', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(ms);
    await waitFor(
      () =>
        expect(screen.getByTestId('graph-status').textContent).toContain(
          `Signed in to contoso.onmicrosoft.com until ${fmt(TOKENS.signedInAt + 24 * 3600_000)}`,
        ),
      { timeout: 5_000 },
    );
    expect(screen.getByTestId('graph-status').textContent).not.toContain(fmt(TOKENS.expiresAt));
  });
});
